import { apiToken, apiTokenList, createApiTokenBody, createdApiToken, errors, idParams } from "@gw/api-contract";
import { createApiToken, listApiTokens, revokeApiToken } from "@gw/domain/api-tokens";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { accountRoute } from "./account-route";

/** Account API tokens for other systems: admins create (shown once), list and revoke them. */
export const apiTokenRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["api tokens"];
    const db = deps.db;

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/tokens",
        preHandler: app.requireAdmin,
        tags,
        summary: "The account's API tokens (never the tokens themselves)",
        reply: apiTokenList,
        errors,
      },
      async ({ accountId }) => ({ items: await listApiTokens({ db, accountId }) }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/tokens",
        preHandler: app.requireAdmin,
        tags,
        summary: "Create an API token: the answer carries the token, the only time it is shown",
        body: createApiTokenBody,
        reply: createdApiToken,
        status: 201,
        errors,
      },
      async ({ accountId, body, request }) =>
        createApiToken({ db, accountId, createdById: authOf(request).userId, ...body }),
    );

    accountRoute(
      app,
      {
        method: "DELETE",
        url: "/api/tokens/:id",
        preHandler: app.requireAdmin,
        tags,
        summary: "Revoke an API token: it stops working at once",
        params: idParams,
        reply: apiToken,
        errors,
      },
      async ({ accountId, params }) => revokeApiToken({ db, accountId, tokenId: params.id }),
    );
  };
