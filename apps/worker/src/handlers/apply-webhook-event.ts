import { DomainError } from "@gw/domain";
import { applyWebhookBatch, applyWebhookEvent, markWebhookEvent } from "@gw/domain/webhook-events";
import { applyWebhookEventJob } from "@gw/queues";
import type { JobHandler } from "./types";

const MAX_ATTEMPTS = applyWebhookEventJob.options?.attempts ?? 1;

/**
 * Applies one received GoTo event, and with it the connector's other waiting registrant.added
 * events in one set-based batch (their own jobs then find them settled). A batch that fails is
 * rolled back and this event is applied alone, as below (a poison event harms only itself).
 *
 * An event that needs another first (a registrant of a webinar
 * not synced yet) is retried with backoff, then ignored on the last attempt with its reason; an
 * event that keeps failing is recorded as IGNORED with the error, so none stays RECEIVED forever.
 */
export const handleApplyWebhookEvent: JobHandler<"apply-webhook-event"> = async (payload, ctx) => {
  const { db, config } = ctx.deps;
  const lastAttempt = ctx.attempt >= MAX_ATTEMPTS;
  if (ctx.attempt === 1) {
    try {
      const batch = await applyWebhookBatch({ db, eventId: payload.eventId });
      if (batch.settled > 0) ctx.log.debug({ settled: batch.settled }, "webhook events applied as a batch");
    } catch (error) {
      ctx.log.warn({ eventId: payload.eventId, err: error }, "webhook batch failed; applying the event alone");
    }
  }
  try {
    const result = await applyWebhookEvent({
      db,
      eventId: payload.eventId,
      polling: config.sync,
      canWait: !lastAttempt,
      log: ctx.log,
    });
    if (result.status === "DEFERRED") {
      throw new DomainError("PRECONDITION", `webhook event ${payload.eventId} deferred: ${result.reason}`, {
        retryable: true,
      });
    }
    ctx.log.debug({ eventId: payload.eventId, status: result.status, reason: result.reason }, "webhook event settled");
    return result;
  } catch (error) {
    const final = lastAttempt || (error instanceof DomainError && error.details.retryable !== true);
    if (final) {
      const message = error instanceof Error ? error.message : String(error);
      await markWebhookEvent({
        db,
        eventId: payload.eventId,
        status: "IGNORED",
        reason: `could not be applied: ${message}`,
      }).catch(() => false);
    }
    throw error;
  }
};
