import { z } from "zod";
import { defineJob, periodicJob } from "../define-job";

/**
 * Applies one stored GoTo webhook event (WebhookEvent row). The receiver stores the event before
 * enqueuing, so Redis carries only the id; the job id follows the event id, so enqueuing twice
 * (receiver, then sweeper) runs it once while it waits.
 */
export const applyWebhookEventJob = defineJob({
  name: "apply-webhook-event",
  queue: "webhooks",
  schema: z.object({ eventId: z.uuid() }),
  jobId: (payload) => `webhook-${payload.eventId}`,
  options: { attempts: 5, backoff: { type: "exponential", delay: 1_000 }, removeOnComplete: true, removeOnFail: 1_000 },
});

/** Re-enqueues events still RECEIVED a while after arrival (their job was lost with Redis). */
export const sweepWebhookEventsJob = periodicJob("sweep-webhook-events", "scheduler", () => 30_000);

/** Removes settled webhook events past their retention (WEBHOOK_EVENT_RETENTION_DAYS), in small batches. */
export const pruneWebhookEventsJob = periodicJob("prune-webhook-events", "scheduler", () => 3_600_000);
