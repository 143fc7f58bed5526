import { DomainError } from "@gw/domain";
import { applyWebhookEvent, giveUpWebhookEvent } from "@gw/domain/webhook-events";
import { applyWebhookEventJob } from "@gw/queues";
import type { JobHandler } from "./types";

const MAX_ATTEMPTS = applyWebhookEventJob.options?.attempts ?? 1;

/**
 * Applies one received GoTo event alone: the one-by-one path for the events that hold back their
 * webinar in the webhook consumer's batches (other kinds of events, a poison event), one per
 * webinar, and for what the sweeper re-drives. An event whose webinar has an earlier one waiting
 * is left for later (WAITING), so one webinar's events are applied in the order received. The consumer (webhook-consumer.ts) applies the rest in batches.
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
    // WAITING: not its turn (an earlier event of its webinar waits); the consumer re-drives it.
    ctx.log.debug({ eventId: payload.eventId, status: result.status, reason: result.reason }, "webhook event done");
    return result;
  } catch (error) {
    const final = lastAttempt || (error instanceof DomainError && error.details.retryable !== true);
    if (final) {
      const message = error instanceof Error ? error.message : String(error);
      await giveUpWebhookEvent({ db, eventId: payload.eventId, reason: `could not be applied: ${message}` }).catch(
        () => false,
      );
    }
    throw error;
  }
};
