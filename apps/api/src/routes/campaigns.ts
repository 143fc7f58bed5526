import { createCampaign, listCampaigns } from "@gw/domain/campaigns";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errorBody } from "./auth-schemas";
import { campaignView } from "./connectors-schemas";

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
          querystring: z.strictObject({
            search: z.string().trim().max(200).optional().describe("Name contains this (case-insensitive)"),
            limit: z.coerce.number().int().min(1).max(500).default(200),
          }),
          response: { 200: z.object({ items: z.array(campaignView) }), 400: errorBody, 401: errorBody },
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
          body: z.strictObject({ name: z.string().trim().min(1).max(200) }),
          response: { 201: campaignView, 400: errorBody, 401: errorBody, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createCampaign({ db: deps.db, accountId: authOf(request).accountId, name: request.body.name })),
    );
  };
