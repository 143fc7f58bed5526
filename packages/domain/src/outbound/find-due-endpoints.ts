import { type PgQueryDb, pgQuery } from "@gw/db";

/**
 * Enabled endpoints with a delivery due and no worker on them: their job was lost (a flushed
 * Redis, a crashed worker) or never made. The sweeper enqueues them again.
 */
export async function findDueEndpoints(options: { db: PgQueryDb; limit?: number }): Promise<string[]> {
  const { db, limit = 1_000 } = options;
  const rows = await pgQuery<{ id: string }>(
    db,
    `SELECT e."id" FROM "OutboundEndpoint" e
     WHERE e."enabled" AND (e."leaseUntil" IS NULL OR e."leaseUntil" < now())
       AND EXISTS (SELECT 1 FROM "OutboundDelivery" d WHERE d."endpointId" = e."id" AND d."status" = 'PENDING' AND d."nextAttemptAt" <= now())
     LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.id);
}
