import { z } from "zod";
import type { ResponseOf } from "./common";
import { plainError } from "./sync-status";

export const syncRun = z
  .object({
    id: z.uuid(),
    kind: z.enum(["DISCOVERY", "BACKFILL", "REGISTRANTS", "ATTENDANCE", "REGISTRATION_PUSH", "WEBHOOK"]),
    status: z.enum(["RUNNING", "SUCCEEDED", "FAILED", "ABANDONED"]),
    connectorId: z.uuid().nullable(),
    webinarId: z.uuid().nullable(),
    webinarSubject: z.string().nullable().describe("The webinar's title, for runs of one webinar"),
    jobId: z.string().nullable(),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
    durationMs: z.number().int().nullable(),
    fetched: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    apiRequests: z.number().int(),
    error: z.string().nullable(),
    problem: plainError.nullable().describe("error in plain words with the action to take"),
  })
  .meta({ id: "SyncRun" });

export const syncRunsQuery = z.object({
  connectorId: z.uuid().optional(),
  webinarId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
});
export const syncRunPage = z.object({ items: z.array(syncRun), nextCursor: z.string().nullable() });

export type SyncRun = ResponseOf<typeof syncRun>;
export type SyncRunPage = ResponseOf<typeof syncRunPage>;
