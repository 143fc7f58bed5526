import type { connectorSyncStatus } from "@gw/api-contract";
import { type PgQueryDb, pgQuery } from "@gw/db";
import type { z } from "zod";

/** Where one connector's sync stands (the card on the Connectors page): exactly the API's. */
export type ConnectorSyncStatus = z.infer<typeof connectorSyncStatus>;

export interface ListSyncStatusOptions {
  db: PgQueryDb;
  accountId: string;
  connectorId?: string;
}

/**
 * One row per live connector of the account. Counts come from WebinarCounts (kept by triggers),
 * the last finished run from the newest successful SyncRun, the last failure from the newest failed
 * one (index on connectorId, startedAt), so the page can poll this every few seconds while a sync
 * runs.
 */
export async function listSyncStatus(options: ListSyncStatusOptions): Promise<ConnectorSyncStatus[]> {
  return pgQuery<ConnectorSyncStatus>(
    options.db,
    `SELECT c."id" AS "connectorId",
       (c."status" = 'VERIFIED' AND (c."backfillDueAt" IS NOT NULL OR COALESCE(w.pending, 0) > 0)) AS "initial",
       (c."status" = 'VERIFIED' AND r.running) AS "running",
       COALESCE(w.found, 0)::int AS "webinarsFound",
       (COALESCE(w.found, 0) - COALESCE(w.pending, 0))::int AS "webinarsSynced",
       COALESCE(w.registrants, 0)::int AS "registrants",
       GREATEST(c."lastSyncAt", r.last_finished) AS "lastSyncAt",
       r.last_failed AS "lastFailedAt",
       CASE WHEN c."status" = 'VERIFIED' THEN LEAST(c."nextDiscoveryAt", c."backfillDueAt", w.next_webinar) END AS "nextSyncAt"
     FROM "Connector" c
     LEFT JOIN LATERAL (
       SELECT count(*) AS found,
              count(*) FILTER (WHERE x."lastPolledAt" IS NULL
                AND (x."nextPollAt" IS NOT NULL OR x."nextAttendanceSyncAt" IS NOT NULL)) AS pending,
              sum(k."registered") AS registrants,
              min(LEAST(x."nextPollAt", x."nextAttendanceSyncAt")) AS next_webinar
       FROM "Webinar" x LEFT JOIN "WebinarCounts" k ON k."webinarId" = x."id"
       WHERE x."connectorId" = c."id" AND x."status" <> 'CANCELLED'
     ) w ON true
     LEFT JOIN LATERAL (
       SELECT
         (SELECT s."finishedAt" FROM "SyncRun" s
           WHERE s."connectorId" = c."id" AND s."status" = 'SUCCEEDED'
           ORDER BY s."startedAt" DESC LIMIT 1) AS last_finished,
         (SELECT COALESCE(s."finishedAt", s."startedAt") FROM "SyncRun" s
           WHERE s."connectorId" = c."id" AND s."status" = 'FAILED'
           ORDER BY s."startedAt" DESC LIMIT 1) AS last_failed,
         EXISTS (SELECT 1 FROM "SyncRun" s
           WHERE s."connectorId" = c."id" AND s."status" = 'RUNNING'
             AND s."startedAt" > now() - interval '1 hour') AS running
     ) r ON true
     WHERE c."accountId" = $1::uuid AND c."deletedAt" IS NULL AND ($2::uuid IS NULL OR c."id" = $2::uuid)
     ORDER BY c."createdAt", c."id"`,
    [options.accountId, options.connectorId ?? null],
  );
}
