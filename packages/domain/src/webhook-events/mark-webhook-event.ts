import type { Db, WebhookEventStatus } from "@gw/db";

export interface MarkWebhookEventOptions {
  db: Pick<Db, "$executeRaw">;
  eventId: string;
  status: Extract<WebhookEventStatus, "APPLIED" | "IGNORED">;
  reason: string | null;
  /** When it was settled; defaults to the moment the row is written (clock_timestamp(), not the transaction's start). */
  now?: Date;
}

/** Settles a RECEIVED event (only from RECEIVED: a settled event keeps its first outcome). */
export async function markWebhookEvent(options: MarkWebhookEventOptions): Promise<boolean> {
  const { db, eventId, status, reason } = options;
  const changed = await db.$executeRaw`
    UPDATE "WebhookEvent" SET "status" = ${status}::"WebhookEventStatus", "reason" = ${reason?.slice(0, 1000) ?? null},
      "appliedAt" = COALESCE(${options.now ?? null}::timestamptz, clock_timestamp())
    WHERE "id" = ${eventId}::uuid AND "status" = 'RECEIVED'`;
  return changed > 0;
}
