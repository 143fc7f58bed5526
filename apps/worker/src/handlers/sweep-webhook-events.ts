import { findStuckWebhookEvents } from "@gw/domain/webhook-events";
import { applyWebhookEventJob, enqueue } from "@gw/queues";
import type { JobHandler } from "./types";

/**
 * Re-enqueues events still RECEIVED half a minute after arrival that may be applied now (the
 * first waiting event of each webinar): no consumer pass took them, or their job was lost with
 * Redis. The job id follows the event, so one still queued or retrying is not doubled; one that
 * failed for good while its event still waits (its give-up mark did not land) is run again.
 */
export const handleSweepWebhookEvents: JobHandler<"sweep-webhook-events"> = async (_payload, ctx) => {
  const ids = await findStuckWebhookEvents({ db: ctx.deps.db, olderThanMs: 30_000 });
  let rerun = 0;
  for (const eventId of ids) {
    const job = await enqueue(ctx.deps.queues, applyWebhookEventJob, { eventId }, { requestId: ctx.jobId });
    // A failed job keeps its id (removeOnFail keeps the last 1,000), so the add was a no-op.
    if (await job.isFailed()) {
      await job.remove();
      await enqueue(ctx.deps.queues, applyWebhookEventJob, { eventId }, { requestId: ctx.jobId });
      rerun += 1;
    }
  }
  if (ids.length > 0) ctx.log.info({ requeued: ids.length, rerun }, "re-enqueued stuck webhook events");
  return { requeued: ids.length, rerun };
};
