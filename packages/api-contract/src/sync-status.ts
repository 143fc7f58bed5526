import { z } from "zod";
import type { ResponseOf } from "./common";

/** A stored error in plain words, with the action to take (a domain rule: explainSyncError). */
export const plainError = z
  .object({
    message: z.string().describe("What happened, in plain words"),
    action: z.string().describe("What to do about it"),
    reverify: z.boolean().describe("Whether verifying the connector again is the fix"),
  })
  .meta({ id: "PlainError" });

export const connectorSyncStatus = z.object({
  connectorId: z.uuid(),
  initial: z.boolean().describe("The first sync after verification is still bringing webinars in"),
  running: z.boolean().describe("A sync job of this connector is running now"),
  webinarsFound: z.number().int(),
  webinarsSynced: z.number().int().describe("Webinars synced at least once"),
  registrants: z.number().int().describe("Registrations brought in so far"),
  lastSyncAt: z.date().nullable().describe("The last sync of any kind that finished"),
  lastFailedAt: z.date().nullable().describe("When the newest failed sync run of this connector ended"),
  nextSyncAt: z.date().nullable().describe("The next planned sync (discovery or a webinar's poll)"),
});
export const connectorSyncStatusList = z.object({ items: z.array(connectorSyncStatus) });

export const syncNowParams = z.object({ id: z.string().max(100) });
export const syncNowAnswer = z.object({
  queued: z.boolean().describe("false when the same sync was already queued or running (it is not doubled)"),
  job: z.enum(["discover-webinars", "backfill-connector", "sync-webinar"]),
  jobId: z.string().describe("The deterministic job id the scheduler uses too"),
});

export type PlainErrorView = ResponseOf<typeof plainError>;
export type ConnectorSyncStatus = ResponseOf<typeof connectorSyncStatus>;
export type ConnectorSyncStatusList = ResponseOf<typeof connectorSyncStatusList>;
export type SyncNowAnswer = ResponseOf<typeof syncNowAnswer>;
