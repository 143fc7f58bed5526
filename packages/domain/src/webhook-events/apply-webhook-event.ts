import { type Db, type PgQueryDb, type Prisma, pgQuery } from "@gw/db";
import { type GotoWebhookEvent, GotoWebhookPayloadError, parseWebhookEvent } from "@gw/gotowebinar";
import type { PollingSettings } from "../sync/polling-policy";
import { silentLog, type WebhookLog } from "../webhook-subscriptions/webhook-log";
import type { ApplyContext, ApplyOutcome } from "./apply-outcome";
import { applyRegistrantAdded } from "./apply-registrant-added";
import { applyRegistrantJoined } from "./apply-registrant-joined";
import { applySurveySubmitted } from "./apply-survey-submitted";
import { applyWebinarEvent } from "./apply-webinar-event";
import { WEBHOOK_EVENTS_CHANNEL } from "./create-webhook-event-store";
import { markWebhookEvent } from "./mark-webhook-event";

export interface ApplyWebhookEventOptions {
  db: Db;
  eventId: string;
  /** The polling policy's settings (config.sync), to reschedule a changed webinar. */
  polling: PollingSettings;
  /**
   * True while the job has attempts left: an event that needs another first (a registrant of a
   * webinar not synced yet) is then left RECEIVED to be retried; on the last attempt it is IGNORED.
   */
  canWait?: boolean;
  now?: Date;
  log?: WebhookLog;
}

interface EventRow {
  status: string;
  /** As text: parsed losslessly (GoTo's keys are 19-digit numbers). */
  payload: string;
  connectorId: string | null;
  accountId: string | null;
  connectorStatus: string | null;
  deletedAt: Date | null;
  createProspects: boolean | null;
  campaignId: string | null;
  /** The first event of its webinar still waiting before it, if any. */
  earlierId: string | null;
}

export type ApplyWebhookEventResult =
  | { status: "APPLIED" | "IGNORED"; reason: string | null }
  /** Left RECEIVED: retry later. */
  | { status: "DEFERRED"; reason: string }
  /**
   * Left RECEIVED, not its turn: an earlier event of its webinar is still waiting (or a batch of
   * its connector held the lock too long). The consumer re-drives it when its turn comes.
   */
  | { status: "WAITING"; reason: string }
  /** Applied (or settled) before: nothing done. */
  | { status: "SETTLED"; reason: null }
  | { status: "MISSING"; reason: string };

/** The lock applyWebhookBatch takes: one connector's events are applied by one transaction at a time. */
export const WEBHOOK_APPLY_LOCK = "hashtext('webhook-batch'), hashtext($1::text)";

/** How long a job waits for a batch of its connector before leaving its event to a later pass. */
const LOCK_WAIT = "5s";
const LOCK_NOT_AVAILABLE = "55P03";

/**
 * Applies one stored event, at most once and in its webinar's order, in one transaction: under
 * the connector's lock (the one batches take), with the event row locked, only from RECEIVED, and
 * only when no earlier event of its webinar is still RECEIVED (else WAITING: its turn comes after
 * that one settles). Once it settles, the consumer is told (NOTIFY) so the rest of the connector's
 * events go back to batches.
 */
export async function applyWebhookEvent(options: ApplyWebhookEventOptions): Promise<ApplyWebhookEventResult> {
  const { db, eventId } = options;
  const [own] = await pgQuery<{ connectorId: string | null; status: string }>(
    db,
    `SELECT "connectorId", "status"::text AS "status" FROM "WebhookEvent" WHERE "id" = $1::uuid`,
    [eventId],
  );
  if (!own) return { status: "MISSING", reason: `webhook event ${eventId} does not exist` };
  if (own.status !== "RECEIVED") return { status: "SETTLED", reason: null };
  try {
    return await db.$transaction((tx) => applyLocked(tx, own.connectorId, options), {
      maxWait: 30_000,
      timeout: 60_000,
    });
  } catch (error) {
    if (hasSqlState(error, LOCK_NOT_AVAILABLE))
      return { status: "WAITING", reason: "a batch of its connector holds the lock; a later pass applies it" };
    throw error;
  }
}

async function applyLocked(
  tx: Prisma.TransactionClient,
  connectorId: string | null,
  options: ApplyWebhookEventOptions,
): Promise<ApplyWebhookEventResult> {
  const { eventId, polling } = options;
  const now = options.now ?? new Date();
  const log = options.log ?? silentLog;
  if (connectorId) {
    await pgQuery(tx, `SET LOCAL lock_timeout = '${LOCK_WAIT}'`, []);
    // ::text: Prisma reads no void column.
    await pgQuery(tx, `SELECT pg_advisory_xact_lock(${WEBHOOK_APPLY_LOCK})::text`, [connectorId]);
    await pgQuery(tx, "SET LOCAL lock_timeout = 0", []);
  }
  // The earlier event is looked up as the partial index of waiting events spells a webinar (an
  // event without a key is one of its own, so it has none earlier).
  const [row] = await pgQuery<EventRow>(
    tx,
    `SELECT e."status"::text AS "status", e."payload"::text AS "payload", c."id" AS "connectorId", c."accountId", c."status"::text AS "connectorStatus",
            c."deletedAt", c."createProspects", c."campaignId",
            (SELECT b."id" FROM "WebhookEvent" b
             WHERE b."connectorId" = e."connectorId" AND b."status" = 'RECEIVED'
               AND COALESCE(b."payload"->>'webinarKey', b."id"::text) = COALESCE(e."payload"->>'webinarKey', e."id"::text)
               AND (b."receivedAt", b."id") < (e."receivedAt", e."id")
             ORDER BY b."receivedAt", b."id" LIMIT 1) AS "earlierId"
     FROM "WebhookEvent" e LEFT JOIN "Connector" c ON c."id" = e."connectorId"
     WHERE e."id" = $1::uuid
     FOR UPDATE OF e`,
    [eventId],
  );
  if (!row) return { status: "MISSING", reason: `webhook event ${eventId} does not exist` };
  if (row.status !== "RECEIVED") return { status: "SETTLED", reason: null };
  const settle = async (status: "APPLIED" | "IGNORED", reason: string | null) => {
    await markWebhookEvent({ db: tx, eventId, status, reason, ...(options.now ? { now: options.now } : {}) });
    if (row.connectorId) await notifyWaiting(tx, row.connectorId, eventId);
    return { status, reason };
  };
  if (!row.connectorId || !row.accountId || row.deletedAt) return settle("IGNORED", "the connector was deleted");
  if (row.connectorStatus === "DISABLED") return settle("IGNORED", "the connector is disabled");
  if (row.earlierId) return { status: "WAITING", reason: `event ${row.earlierId} of its webinar is not settled yet` };
  const connector = {
    id: row.connectorId,
    accountId: row.accountId,
    createProspects: row.createProspects ?? true,
    campaignId: row.campaignId,
  };

  let event: GotoWebhookEvent;
  try {
    event = parseWebhookEvent(row.payload);
  } catch (error) {
    if (error instanceof GotoWebhookPayloadError) return settle("IGNORED", `unreadable event: ${error.message}`);
    throw error;
  }

  const ctx: ApplyContext = { db: tx, connector, now };
  const outcome = await applyEvent(ctx, polling, event);
  if (outcome.status === "DEFERRED") {
    if (options.canWait) {
      log.info(
        { eventId, eventName: event.eventName, reason: outcome.reason },
        "webhook event waits for the data it needs",
      );
      return { status: "DEFERRED", reason: outcome.reason };
    }
    if (outcome.discover) {
      // Ask the dispatcher for a discovery now rather than at its next slot.
      await pgQuery(
        tx,
        `UPDATE "Connector" SET "nextDiscoveryAt" = $2::timestamptz, "updatedAt" = now()
         WHERE "id" = $1::uuid AND ("nextDiscoveryAt" IS NULL OR "nextDiscoveryAt" > $2::timestamptz)`,
        [connector.id, now],
      );
    }
    return settle("IGNORED", outcome.reason);
  }
  return settle(outcome.status, outcome.reason ?? null);
}

/**
 * Tells the consumers (at commit) that the connector has events waiting: those held back behind
 * the one just settled can go back to batches.
 */
export async function notifyWaiting(db: PgQueryDb, connectorId: string, settledId: string): Promise<void> {
  await pgQuery(
    db,
    `SELECT pg_notify($3, $1::text)::text FROM "WebhookEvent"
     WHERE "connectorId" = $1::uuid AND "status" = 'RECEIVED' AND "id" <> $2::uuid LIMIT 1`,
    [connectorId, settledId, WEBHOOK_EVENTS_CHANNEL],
  );
}

/** Whether Postgres refused with `state` (SQLSTATE), however Prisma or the driver wrapped it. */
export function hasSqlState(error: unknown, state: string): boolean {
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 20; seen++) {
    const e = queue.shift() as
      | {
          code?: unknown;
          originalCode?: unknown;
          cause?: unknown;
          meta?: { code?: unknown; driverAdapterError?: unknown };
        }
      | undefined;
    if (!e || typeof e !== "object") continue;
    if (e.code === state || e.originalCode === state || e.meta?.code === state) return true;
    queue.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

function applyEvent(ctx: ApplyContext, polling: PollingSettings, event: GotoWebhookEvent): Promise<ApplyOutcome> {
  switch (event.eventName) {
    case "registrant.added":
      return applyRegistrantAdded(ctx, event);
    case "registrant.joined":
      return applyRegistrantJoined(ctx, event);
    case "webinar.created":
    case "webinar.changed":
      return applyWebinarEvent({ ...ctx, polling }, event);
    case "survey.submitted":
      return applySurveySubmitted(ctx, event);
  }
}
