import { type PgQueryDb, pgQuery, type WebhookEventStatus } from "@gw/db";
import { WEBHOOK_EVENTS_CHANNEL } from "./create-webhook-event-store";

export interface MarkWebhookEventOptions {
  db: PgQueryDb;
  eventId: string;
  status: Extract<WebhookEventStatus, "APPLIED" | "IGNORED">;
  reason: string | null;
  /** When it was settled; defaults to the moment the row is written (clock_timestamp(), not the transaction's start). */
  now?: Date;
}

/** Settles a RECEIVED event (only from RECEIVED: a settled event keeps its first outcome). */
export async function markWebhookEvent(options: MarkWebhookEventOptions): Promise<boolean> {
  const { db, eventId, status, reason } = options;
  const changed = await pgQuery<{ id: string }>(
    db,
    `UPDATE "WebhookEvent" SET "status" = $2::"WebhookEventStatus", "reason" = $3,
       "appliedAt" = COALESCE($4::timestamptz, clock_timestamp())
     WHERE "id" = $1::uuid AND "status" = 'RECEIVED'
     RETURNING "id"`,
    [eventId, status, reason?.slice(0, 1000) ?? null, options.now ?? null],
  );
  return changed.length > 0;
}

/**
 * Settles a RECEIVED event as IGNORED for good (its job gave up) and tells the consumers, so the
 * events its webinar held back behind it go back to batches.
 */
export async function giveUpWebhookEvent(options: {
  db: PgQueryDb;
  eventId: string;
  reason: string;
}): Promise<boolean> {
  const rows = await pgQuery<{ connectorId: string | null }>(
    options.db,
    `WITH settled AS (
       UPDATE "WebhookEvent" SET "status" = 'IGNORED', "reason" = $2, "appliedAt" = clock_timestamp()
       WHERE "id" = $1::uuid AND "status" = 'RECEIVED' RETURNING "connectorId"
     )
     SELECT "connectorId", pg_notify($3, "connectorId"::text)::text AS "notified" FROM settled`,
    [options.eventId, options.reason.slice(0, 1000), WEBHOOK_EVENTS_CHANNEL],
  );
  return rows.length > 0;
}
