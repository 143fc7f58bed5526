import { API_TOKEN_SCOPES, createApiToken, listApiTokens, revokeApiToken } from "@gw/domain/api-tokens";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errors, idParams } from "./prospects";

const apiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe("the token's first characters, to tell tokens apart"),
    scopes: z.array(z.enum(API_TOKEN_SCOPES)),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    createdBy: z.object({ id: z.uuid(), email: z.string() }).nullable(),
  })
  .meta({ id: "ApiToken" });

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
          response: { 200: z.object({ items: z.array(apiToken) }), ...errors },
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
          body: z.object({
            name: z.string().trim().min(1).max(100).describe("which system uses it"),
            scopes: z
              .array(z.enum(API_TOKEN_SCOPES))
              .min(1)
              .describe("read: every GET; write: every change (give both for a read-write token)"),
          }),
          response: {
            201: apiToken.extend({ token: z.string().describe("send as Authorization: Bearer <token>") }),
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
