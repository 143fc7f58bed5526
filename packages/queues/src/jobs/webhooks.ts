import { z } from "zod";
import { defineJob, periodicJob } from "../define-job";

/**
 * Applies one stored GoTo webhook event (WebhookEvent row): the one-by-one path for what the
 * worker's webhook consumer does not apply in a batch. The event is in Postgres before any job,
 * so Redis carries only the id; the job id follows the event id, so enqueuing twice (consumer,
 * then sweeper) runs it once while it waits.
 */
export const applyWebhookEventJob = defineJob({
  name: "apply-webhook-event",
  queue: "webhooks",
  schema: z.object({ eventId: z.uuid() }),
  jobId: (payload) => `webhook-${payload.eventId}`,
  options: { attempts: 5, backoff: { type: "exponential", delay: 1_000 }, removeOnComplete: true, removeOnFail: 1_000 },
});

/** Re-enqueues events still RECEIVED a while after arrival (no pass took them; their job, if any, was lost with Redis). */
export const sweepWebhookEventsJob = periodicJob("sweep-webhook-events", "scheduler", () => 30_000);

/** Removes settled webhook events past their retention (WEBHOOK_EVENT_RETENTION_DAYS), in small batches. */
export const pruneWebhookEventsJob = periodicJob("prune-webhook-events", "scheduler", () => 3_600_000);
