import { campaignList, campaignsQuery, campaignView, createCampaignBody, errorBody } from "@gw/api-contract";
import { createCampaign, listCampaigns } from "@gw/domain/campaigns";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { accountRoute } from "./account-route";

const tags = ["campaigns"];
const security = [{ session: [] }];

/** Campaigns, for the connector's "campaign for created prospects" picker. */
export const campaignRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/campaigns",
        preHandler: app.requireAuth,
        tags,
        security,
        summary: "The account's campaigns by name",
        querystring: campaignsQuery,
        reply: campaignList,
        errors: { 400: errorBody, 401: errorBody },
      },
      async ({ accountId, query }) => ({
        items: await listCampaigns({
          db: deps.db,
          accountId,
          limit: query.limit,
          ...(query.search ? { search: query.search } : {}),
        }),
      }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/campaigns",
        preHandler: app.requireAuth,
        tags,
        security,
        summary: "Create a campaign",
        body: createCampaignBody,
        reply: campaignView,
        status: 201,
        errors: { 400: errorBody, 401: errorBody, 409: errorBody },
      },
      async ({ accountId, body }) => createCampaign({ db: deps.db, accountId, name: body.name }),
    );
  };
