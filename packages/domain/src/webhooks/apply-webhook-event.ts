import type { Db } from "@gw/db";
import { GotoWebhookPayloadError, type GotoWebhookEvent, parseWebhookEvent } from "@gw/gotowebinar";
import type { PollingSettings } from "../sync/polling-policy";
import type { ApplyContext, ApplyOutcome } from "./apply-outcome";
import { applyRegistrantAdded } from "./apply-registrant-added";
import { applyRegistrantJoined } from "./apply-registrant-joined";
import { applySurveySubmitted } from "./apply-survey-submitted";
import { applyWebinarEvent } from "./apply-webinar-event";
import { markWebhookEvent } from "./mark-webhook-event";
import { type WebhookLog, silentLog } from "./webhook-log";

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
  const row = await db.webhookEvent.findUnique({
    where: { id: eventId },
    select: {
      status: true,
      eventName: true,
      payload: true,
      connector: { select: { id: true, accountId: true, status: true, deletedAt: true, createProspects: true, campaignId: true } },
    },
  });
  if (!row) return { status: "MISSING", reason: `webhook event ${eventId} does not exist` };
  if (row.status !== "RECEIVED") return { status: "SETTLED", reason: null };
  const settle = async (status: "APPLIED" | "IGNORED", reason: string | null) => {
    await markWebhookEvent({ db, eventId, status, reason, now });
    return { status, reason };
  };
  const connector = row.connector;
  if (!connector || connector.deletedAt) return settle("IGNORED", "the connector was deleted");
  if (connector.status === "DISABLED") return settle("IGNORED", "the connector is disabled");

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
      log.info({ eventId, eventName: event.eventName, reason: outcome.reason }, "webhook event waits for the data it needs");
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
