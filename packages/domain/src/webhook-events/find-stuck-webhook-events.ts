import { type PgQueryDb, pgQuery } from "@gw/db";

export interface FindStuckWebhookEventsOptions {
  db: PgQueryDb;
  /** Only events received at least this long ago (fresh ones are still on their way). Default 30 s. */
  olderThanMs?: number;
  limit?: number;
  now?: Date;
}

/**
 * Events still RECEIVED well after arrival that may be applied now: no consumer pass took them (a
 * notification missed while no worker listened) or their apply job was lost with Redis. Only the
 * first waiting event of each webinar (and each event without one): the rest of a webinar must
 * wait for it, and comes back to the consumer's batches once it settles. Oldest first.
 */
export async function findStuckWebhookEvents(options: FindStuckWebhookEventsOptions): Promise<string[]> {
  const now = options.now ?? new Date();
  const rows = await pgQuery<{ id: string }>(
    options.db,
    `SELECT "id" FROM (
       SELECT DISTINCT ON ("connectorId", COALESCE("payload"->>'webinarKey', "id"::text)) "id", "receivedAt"
       FROM "WebhookEvent" WHERE "status" = 'RECEIVED'
       ORDER BY "connectorId", COALESCE("payload"->>'webinarKey', "id"::text), "receivedAt", "id"
     ) heads
     WHERE "receivedAt" < $1::timestamptz ORDER BY "receivedAt", "id" LIMIT $2`,
    [new Date(now.getTime() - (options.olderThanMs ?? 30_000)), options.limit ?? 1_000],
  );
  return rows.map((row) => row.id);
}
