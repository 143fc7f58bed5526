import { apiToken, apiTokenList, createApiTokenBody, createdApiToken, errors, idParams } from "@gw/api-contract";
import { createApiToken, listApiTokens, revokeApiToken } from "@gw/domain/api-tokens";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

/** Account API tokens for other systems: admins create (shown once), list and revoke them. */
export const apiTokenRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["api tokens"];
    const db = deps.db;

    app.get(
      "/api/tokens",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "The account's API tokens (never the tokens themselves)",
          response: { 200: apiTokenList, ...errors },
        },
      },
      async (request) => ({ items: await listApiTokens({ db, accountId: authOf(request).accountId }) }),
    );

    app.post(
      "/api/tokens",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Create an API token: the answer carries the token, the only time it is shown",
          body: createApiTokenBody,
          response: {
            201: createdApiToken,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        const created = await createApiToken({
          db,
          accountId: auth.accountId,
          createdById: auth.userId,
          ...request.body,
        });
        return reply.status(201).send(created);
      },
    );

    app.delete(
      "/api/tokens/:id",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Revoke an API token: it stops working at once",
          params: idParams,
          response: { 200: apiToken, ...errors },
        },
      },
      async (request) => revokeApiToken({ db, accountId: authOf(request).accountId, tokenId: request.params.id }),
    );
  };
