import { listParticipation, MAX_FEED_LIMIT } from "@gw/domain/events";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errors } from "./prospects";

export const prospectRef = z
  .object({
    id: z.uuid(),
    email: z.string().nullable().describe("null once erased"),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    company: z.string().nullable(),
    consents: z.record(z.string(), z.unknown()).describe("consents given on forms, by name"),
    erased: z.boolean(),
  })
  .meta({ id: "ProspectRef" });

export const changeEvent = z
  .object({
    id: z.string().describe("stable event id (the webhook-id of the same outbound event)"),
    type: z.string().describe("participation.registered, participation.attended, participation.absent, …"),
    occurredAt: z.date(),
    prospect: prospectRef.nullable(),
    webinar: z.object({ id: z.uuid(), webinarKey: z.string(), subject: z.string(), startsAt: z.date() }).nullable(),
    minutes: z.number().int().optional().describe("minutes attended (participation.attended)"),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ChangeEvent" });

/** The participation feed: what a warehouse reads to stay in sync without webhooks. */
export const participationRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/participation",
      {
        onRequest: app.requireAuth,
        schema: {
          tags: ["participation"],
          summary: "Every change of a prospect's webinar state, in order, paged by cursor",
          description:
            "Start without `since`, then pass each answer's `nextCursor` as `since`. While `hasMore` is true the next page is ready at once; otherwise poll again later with the same cursor. Pages never skip or repeat a change, even while syncs write.",
          querystring: z.object({
            since: z.string().max(200).optional().describe("the nextCursor of the previous page"),
            limit: z.coerce.number().int().min(1).max(MAX_FEED_LIMIT).default(100),
          }),
          response: {
            200: z.object({ items: z.array(changeEvent), nextCursor: z.string(), hasMore: z.boolean() }),
            ...errors,
          },
        },
      },
      async (request) => listParticipation({ db: deps.db, accountId: authOf(request).accountId, ...request.query }),
    );
  };
