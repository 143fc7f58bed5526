import { z } from "zod";
import type { RequestOf, ResponseOf } from "./common";

export const API_TOKEN_SCOPES = ["read", "write"] as const;

export const apiToken = z
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
export const apiTokenList = z.object({ items: z.array(apiToken) });

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100).describe("which system uses it"),
  scopes: z
    .array(z.enum(API_TOKEN_SCOPES))
    .min(1)
    .describe("read: every GET; write: every change (give both for a read-write token)"),
});
export const createdApiToken = apiToken.extend({
  token: z.string().describe("send as Authorization: Bearer <token>"),
});

export type ApiToken = ResponseOf<typeof apiToken>;
export type CreatedApiToken = ResponseOf<typeof createdApiToken>;
export type CreateApiTokenBody = RequestOf<typeof createApiTokenBody>;
