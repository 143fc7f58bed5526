import { DomainError } from "@gw/domain";
import { applyWebhookEvent, markWebhookEvent } from "@gw/domain/webhook-events";
import { applyWebhookEventJob } from "@gw/queues";
import type { JobHandler } from "./types";

const MAX_ATTEMPTS = applyWebhookEventJob.options?.attempts ?? 1;

/**
 * Applies one received GoTo event alone: the one-by-one path for what the webhook consumer's
 * batches leave (other kinds of events, an event that holds back its webinar, a poison event) and
 * for what the sweeper re-drives. The consumer (webhook-consumer.ts) applies the rest in batches.
 *
 * An event that needs another first (a registrant of a webinar
 * not synced yet) is retried with backoff, then ignored on the last attempt with its reason; an
 * event that keeps failing is recorded as IGNORED with the error, so none stays RECEIVED forever.
 */
export const handleApplyWebhookEvent: JobHandler<"apply-webhook-event"> = async (payload, ctx) => {
  const { db, config } = ctx.deps;
  const lastAttempt = ctx.attempt >= MAX_ATTEMPTS;
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
