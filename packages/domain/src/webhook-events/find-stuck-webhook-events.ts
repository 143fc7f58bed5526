import type { Db } from "@gw/db";

export interface FindStuckWebhookEventsOptions {
  db: Pick<Db, "webhookEvent">;
  /** Only events received at least this long ago (fresh ones are still on their way). Default 30 s. */
  olderThanMs?: number;
  limit?: number;
  now?: Date;
}

/**
 * Events still RECEIVED well after arrival: no consumer pass took them (a notification missed while
 * no worker listened, or held back behind an event of their webinar) and their apply job, if they
 * had one, was lost with Redis. Postgres holds them, so they are enqueued again, oldest first.
 */
export async function findStuckWebhookEvents(options: FindStuckWebhookEventsOptions): Promise<string[]> {
  const now = options.now ?? new Date();
  const rows = await options.db.webhookEvent.findMany({
    where: { status: "RECEIVED", receivedAt: { lt: new Date(now.getTime() - (options.olderThanMs ?? 30_000)) } },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
    take: options.limit ?? 1_000,
  });
  return rows.map((row) => row.id);
}
