import { campaignList, campaignsQuery, campaignView, createCampaignBody, errorBody } from "@gw/api-contract";
import { createCampaign, listCampaigns } from "@gw/domain/campaigns";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

const tags = ["campaigns"];
const security = [{ session: [] }];

/** Campaigns, for the connector's "campaign for created prospects" picker. */
export const campaignRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/campaigns",
      {
        preHandler: app.requireAuth,
        schema: {
          tags,
          security,
          summary: "The account's campaigns by name",
          querystring: campaignsQuery,
          response: { 200: campaignList, 400: errorBody, 401: errorBody },
        },
      },
      async (request) => ({
        items: await listCampaigns({
          db: deps.db,
          accountId: authOf(request).accountId,
          limit: request.query.limit,
          ...(request.query.search ? { search: request.query.search } : {}),
        }),
      }),
    );

    app.post(
      "/api/campaigns",
      {
        preHandler: app.requireAuth,
        schema: {
          tags,
          security,
          summary: "Create a campaign",
          body: createCampaignBody,
          response: { 201: campaignView, 400: errorBody, 401: errorBody, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createCampaign({ db: deps.db, accountId: authOf(request).accountId, name: request.body.name })),
    );
  };
