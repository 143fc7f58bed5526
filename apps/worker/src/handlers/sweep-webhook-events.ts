import { findStuckWebhookEvents } from "@gw/domain/webhook-events";
import { applyWebhookEventJob, enqueue } from "@gw/queues";
import type { JobHandler } from "./types";

/**
 * Re-enqueues events still RECEIVED half a minute after arrival (no consumer pass took them, and
 * their job, if they had one, was lost with Redis). The job id follows the event, so one still
 * queued or retrying is not doubled.
 */
export const handleSweepWebhookEvents: JobHandler<"sweep-webhook-events"> = async (_payload, ctx) => {
  const ids = await findStuckWebhookEvents({ db: ctx.deps.db, olderThanMs: 30_000 });
  for (const eventId of ids)
    await enqueue(ctx.deps.queues, applyWebhookEventJob, { eventId }, { requestId: ctx.jobId });
  if (ids.length > 0) ctx.log.info({ requeued: ids.length }, "re-enqueued stuck webhook events");
  return { requeued: ids.length };
};
