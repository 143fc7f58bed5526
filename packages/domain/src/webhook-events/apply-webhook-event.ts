import type { Db } from "@gw/db";
import { type GotoWebhookEvent, GotoWebhookPayloadError, parseWebhookEvent } from "@gw/gotowebinar";
import type { PollingSettings } from "../sync/polling-policy";
import { silentLog, type WebhookLog } from "../webhook-subscriptions/webhook-log";
import type { ApplyContext, ApplyOutcome } from "./apply-outcome";
import { applyRegistrantAdded } from "./apply-registrant-added";
import { applyRegistrantJoined } from "./apply-registrant-joined";
import { applySurveySubmitted } from "./apply-survey-submitted";
import { applyWebinarEvent } from "./apply-webinar-event";
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
  payload: unknown;
  connector_id: string | null;
  account_id: string | null;
  connector_status: string | null;
  deleted_at: Date | null;
  create_prospects: boolean | null;
  campaign_id: string | null;
}

export type ApplyWebhookEventResult =
  | { status: "APPLIED" | "IGNORED"; reason: string | null }
  /** Left RECEIVED: retry later. */
  | { status: "DEFERRED"; reason: string }
  /** Applied (or settled) before: nothing done. */
  | { status: "SETTLED"; reason: null }
  | { status: "MISSING"; reason: string };

/**
 * Applies one stored event, at most once: every step is idempotent (upserts, unique activities,
 * survey answers keyed by event) and the event is marked only from RECEIVED, so a job run twice
 * (sweeper and original) changes nothing the second time.
 */
export async function applyWebhookEvent(options: ApplyWebhookEventOptions): Promise<ApplyWebhookEventResult> {
  const { db, eventId, polling } = options;
  const now = options.now ?? new Date();
  const log = options.log ?? silentLog;
  // Raw SQL on this hot path: one round trip for the event and its connector (no ORM query planning).
  const [row] = await db.$queryRaw<EventRow[]>`
    SELECT e."status", e."payload", c."id" AS connector_id, c."accountId" AS account_id, c."status" AS connector_status,
           c."deletedAt" AS deleted_at, c."createProspects" AS create_prospects, c."campaignId" AS campaign_id
    FROM "WebhookEvent" e LEFT JOIN "Connector" c ON c."id" = e."connectorId"
    WHERE e."id" = ${eventId}::uuid`;
  if (!row) return { status: "MISSING", reason: `webhook event ${eventId} does not exist` };
  if (row.status !== "RECEIVED") return { status: "SETTLED", reason: null };
  const settle = async (status: "APPLIED" | "IGNORED", reason: string | null) => {
    await markWebhookEvent({ db, eventId, status, reason, ...(options.now ? { now: options.now } : {}) });
    return { status, reason };
  };
  if (!row.connector_id || !row.account_id || row.deleted_at) return settle("IGNORED", "the connector was deleted");
  if (row.connector_status === "DISABLED") return settle("IGNORED", "the connector is disabled");
  const connector = {
    id: row.connector_id,
    accountId: row.account_id,
    createProspects: row.create_prospects ?? true,
    campaignId: row.campaign_id,
  };

  let event: GotoWebhookEvent;
  try {
    event = parseWebhookEvent(JSON.stringify(row.payload));
  } catch (error) {
    if (error instanceof GotoWebhookPayloadError) return settle("IGNORED", `unreadable event: ${error.message}`);
    throw error;
  }

  const ctx: ApplyContext = { db, connector, now };
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
      await db.connector.updateMany({
        where: { id: connector.id, OR: [{ nextDiscoveryAt: null }, { nextDiscoveryAt: { gt: now } }] },
        data: { nextDiscoveryAt: now },
      });
    }
    return settle("IGNORED", outcome.reason);
  }
  return settle(outcome.status, outcome.reason ?? null);
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
