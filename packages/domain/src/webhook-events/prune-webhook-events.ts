import { type PgQueryDb, pgQuery } from "@gw/db";

export interface PruneWebhookEventsOptions {
  db: PgQueryDb;
  /** APPLIED events older than this many days are removed. */
  retentionDays: number;
  /** IGNORED and REJECTED events (what an admin investigates) are kept this long. */
  failedRetentionDays: number;
  /** Rows per DELETE: short statements that never hold many locks or stall the receiver. */
  batchSize?: number;
  /** Batches per run at most; the next run goes on where this one stopped. */
  maxBatches?: number;
  now?: Date;
}

/**
 * Removes settled webhook events past their retention, oldest first, in small batches.
 * RECEIVED events are never removed: they still have to be applied.
 */
export async function pruneWebhookEvents(options: PruneWebhookEventsOptions): Promise<{ deleted: number }> {
  const { db } = options;
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1000;
  const maxBatches = options.maxBatches ?? 100;
  const appliedBefore = new Date(now.getTime() - options.retentionDays * 86_400_000);
  const failedBefore = new Date(now.getTime() - options.failedRetentionDays * 86_400_000);
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const [{ removed } = { removed: 0 }] = await pgQuery<{ removed: number }>(
      db,
      `WITH removed AS (
         DELETE FROM "WebhookEvent" WHERE "id" IN (
           SELECT "id" FROM "WebhookEvent"
           WHERE ("status" = 'APPLIED' AND "receivedAt" < $1::timestamptz)
              OR ("status" IN ('IGNORED', 'REJECTED') AND "receivedAt" < $2::timestamptz)
           ORDER BY "receivedAt" LIMIT $3)
         RETURNING 1
       )
       SELECT count(*)::int AS "removed" FROM removed`,
      [appliedBefore, failedBefore, batchSize],
    );
    deleted += removed;
    if (removed < batchSize) break;
  }
  return { deleted };
}
