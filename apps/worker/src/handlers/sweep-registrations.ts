import { sweepRegistrationRequests } from "@gw/domain/forms";
import { enqueue, pushRegistrationJob } from "@gw/queues";
import type { JobHandler } from "./types";

/**
 * Periodic: re-enqueues registration requests still PENDING whose attempt is due — their job
 * was lost with Redis, or the worker running it died. Postgres holds the truth, so a flushed
 * Redis delays a registration by one sweep at most and loses none.
 */
export const handleSweepRegistrations: JobHandler<"sweep-registrations"> = async (_payload, ctx) => {
  const result = await sweepRegistrationRequests({
    db: ctx.deps.db,
    enqueue: (request) => enqueue(ctx.deps.queues, pushRegistrationJob, request, { requestId: ctx.requestId }),
  });
  if (result.enqueued > 0 || result.failedToEnqueue > 0) ctx.log.info(result, "swept pending registration requests");
  return result;
};
