import { type PgQueryDb, pgQuery } from "@gw/db";

export interface ReadBacklogOptions {
  db: PgQueryDb;
  now?: Date;
}

export interface Backlog {
  /** Every verified connector: seconds its most overdue webinar poll or attendance sync has been due (0: none is). */
  syncLag: { connectorId: string; seconds: number }[];
  /** Connectors with webhook events waiting: age in seconds of the oldest one received and not applied. */
  webhookLag: { connectorId: string; seconds: number }[];
  /** Age in seconds of the oldest registration still waiting to reach GoTo (0: none waits). */
  registrationOutboxAgeSeconds: number;
}

/**
 * How far behind the service runs, for the metrics gauges: three indexed statements, read at
 * scrape time. Due work is what the dispatcher would hand out now (webinars not cancelled, of
 * verified connectors), so a growing lag means the workers or GoTo's budget cannot keep up.
 */
export async function readBacklog(options: ReadBacklogOptions): Promise<Backlog> {
  const { db } = options;
  const now = options.now ?? new Date();
  const [syncLag, webhookLag, outbox] = await Promise.all([
    pgQuery<{ connectorId: string; seconds: number }>(
      db,
      // LEAST skips NULLs: the earlier of the two overdue times, whichever exists.
      `SELECT c."id" AS "connectorId",
         COALESCE(EXTRACT(EPOCH FROM ($1::timestamptz - LEAST(
           MIN(w."nextPollAt") FILTER (WHERE w."nextPollAt" <= $1),
           MIN(w."nextAttendanceSyncAt") FILTER (WHERE w."nextAttendanceSyncAt" <= $1)))), 0)::float8 AS seconds
       FROM "Connector" c
       LEFT JOIN "Webinar" w ON w."connectorId" = c."id" AND w."status" <> 'CANCELLED'
         AND (w."nextPollAt" <= $1 OR w."nextAttendanceSyncAt" <= $1)
       WHERE c."status" = 'VERIFIED' AND c."deletedAt" IS NULL
       GROUP BY c."id"`,
      [now],
    ),
    pgQuery<{ connectorId: string; seconds: number }>(
      db,
      `SELECT "connectorId" AS "connectorId",
         GREATEST(EXTRACT(EPOCH FROM ($1::timestamptz - MIN("receivedAt"))), 0)::float8 AS seconds
       FROM "WebhookEvent"
       WHERE "status" = 'RECEIVED' AND "connectorId" IS NOT NULL
       GROUP BY "connectorId"`,
      [now],
    ),
    pgQuery<{ seconds: number }>(
      db,
      `SELECT COALESCE(GREATEST(EXTRACT(EPOCH FROM ($1::timestamptz - MIN("createdAt"))), 0), 0)::float8 AS seconds
       FROM "RegistrationRequest" WHERE "status" = 'PENDING'`,
      [now],
    ),
  ]);
  return {
    syncLag: syncLag.map((r) => ({ connectorId: r.connectorId, seconds: Math.max(0, r.seconds) })),
    webhookLag,
    registrationOutboxAgeSeconds: outbox[0]?.seconds ?? 0,
  };
}
