import { z } from "zod";
import type { ResponseOf } from "./common";

/** The most changes one page of the participation feed holds. */
export const MAX_FEED_LIMIT = 1000;

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

export const participationQuery = z.object({
  since: z.string().max(200).optional().describe("the nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(MAX_FEED_LIMIT).default(100),
});
export const participationPage = z.object({
  items: z.array(changeEvent),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});

export type ChangeEvent = ResponseOf<typeof changeEvent>;
export type ParticipationPage = ResponseOf<typeof participationPage>;
