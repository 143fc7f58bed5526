import type { Db, WebhookEventStatus } from "@gw/db";

export interface MarkWebhookEventOptions {
  db: Pick<Db, "$executeRaw">;
  eventId: string;
  status: Extract<WebhookEventStatus, "APPLIED" | "IGNORED">;
  reason: string | null;
  now?: Date;
}

/** Settles a RECEIVED event (only from RECEIVED: a settled event keeps its first outcome). */
export async function markWebhookEvent(options: MarkWebhookEventOptions): Promise<boolean> {
  const { db, eventId, status, reason } = options;
  const changed = await db.$executeRaw`
    UPDATE "WebhookEvent" SET "status" = ${status}::"WebhookEventStatus", "reason" = ${reason?.slice(0, 1000) ?? null},
      "appliedAt" = ${options.now ?? new Date()}::timestamptz
    WHERE "id" = ${eventId}::uuid AND "status" = 'RECEIVED'`;
  return changed > 0;
}
