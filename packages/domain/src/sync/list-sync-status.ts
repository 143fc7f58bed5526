import { type Db, pgQuery } from "@gw/db";

/** Where one connector's sync stands: what the card on the Connectors page shows. */
export interface ConnectorSyncStatus {
  connectorId: string;
  /** The first sync after verification is still bringing webinars in (backfill, or webinars not synced once yet). */
  initial: boolean;
  /** A sync job of this connector is running right now. */
  running: boolean;
  /** Webinars known for the connector, cancelled ones left out. */
  webinarsFound: number;
  /** Of those, the ones synced at least once (registrants, and attendance once ended). */
  webinarsSynced: number;
  /** Registrations brought in so far across its webinars. */
  registrants: number;
  /** The last sync that finished, of any kind (discovery, backfill, a webinar's). */
  lastSyncAt: Date | null;
  /** The next planned sync: the next discovery or the next webinar poll, whichever comes first. */
  nextSyncAt: Date | null;
}

export interface ListSyncStatusOptions {
  db: Pick<Db, "$queryRawUnsafe">;
  accountId: string;
  connectorId?: string;
}

/**
 * One row per live connector of the account. Counts come from WebinarCounts (kept by triggers),
 * the last finished run from the newest successful SyncRun (index on connectorId, startedAt), so
 * the page can poll this every few seconds while a sync runs.
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
         EXISTS (SELECT 1 FROM "SyncRun" s
           WHERE s."connectorId" = c."id" AND s."status" = 'RUNNING'
             AND s."startedAt" > now() - interval '1 hour') AS running
     ) r ON true
     WHERE c."accountId" = $1::uuid AND c."deletedAt" IS NULL AND ($2::uuid IS NULL OR c."id" = $2::uuid)
     ORDER BY c."createdAt", c."id"`,
    [options.accountId, options.connectorId ?? null],
  );
}
