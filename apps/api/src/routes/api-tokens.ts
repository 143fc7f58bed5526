import { apiToken, apiTokenList, createApiTokenBody, createdApiToken, errors, idParams } from "@gw/api-contract";
import { createApiToken, listApiTokens, revokeApiToken } from "@gw/domain/api-tokens";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { accountRoutes } from "./account-routes";

/** Account API tokens for other systems: admins create (shown once), list and revoke them. */
export const apiTokenRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;
    const route = accountRoutes(app, { tags: ["api tokens"], preHandler: app.requireAdmin, errors });

    route.get(
      "/api/tokens",
      {
        summary: "The account's API tokens (never the tokens themselves)",
        reply: apiTokenList,
      },
      async ({ accountId }) => ({ items: await listApiTokens({ db, accountId }) }),
    );

    route.post(
      "/api/tokens",
      {
        summary: "Create an API token: the answer carries the token, the only time it is shown",
        body: createApiTokenBody,
        reply: createdApiToken,
        status: 201,
      },
      async ({ accountId, body, request }) =>
        createApiToken({ db, accountId, createdById: authOf(request).userId, ...body }),
    );

    route.delete(
      "/api/tokens/:id",
      {
        summary: "Revoke an API token: it stops working at once",
        params: idParams,
        reply: apiToken,
      },
      async ({ accountId, params }) => revokeApiToken({ db, accountId, tokenId: params.id }),
    );
  };
