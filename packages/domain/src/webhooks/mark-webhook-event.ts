import type { Db, WebhookEventStatus } from "@gw/db";

export interface MarkWebhookEventOptions {
  db: Pick<Db, "webhookEvent">;
  eventId: string;
  status: Extract<WebhookEventStatus, "APPLIED" | "IGNORED">;
  reason: string | null;
  now?: Date;
}

/** Settles a RECEIVED event (only from RECEIVED: a settled event keeps its first outcome). */
export async function markWebhookEvent(options: MarkWebhookEventOptions): Promise<boolean> {
  const { db, eventId, status, reason } = options;
  const result = await db.webhookEvent.updateMany({
    where: { id: eventId, status: "RECEIVED" },
    data: { status, reason: reason?.slice(0, 1000) ?? null, appliedAt: options.now ?? new Date() },
  });
  return result.count > 0;
}
