import { queueStaffFetches } from "@gw/domain/exclusions";
import { dispatchDueWork } from "@gw/domain/sync";
import { enqueueAll, fetchWebinarStaffJob } from "@gw/queues";
import { enqueueDueWork } from "./sync-support";
import type { JobHandler } from "./types";

/**
 * The scheduler tick. It reads what is due from Postgres (the schedule lives there, so a
 * flushed Redis loses nothing) and enqueues it with deterministic job ids; so too the staff
 * fetches of the outbox that no job carries yet (Redis refused them when the rule was added,
 * or lost them).
 */
export const handleDispatch: JobHandler<"dispatch"> = async (_payload, ctx) => {
  const result = await dispatchDueWork({
    db: ctx.deps.db,
    sink: { enqueue: (work) => enqueueDueWork(ctx.deps, work) },
  });
  const staffFetches = await queueStaffFetches({
    db: ctx.deps.db,
    enqueue: (chunk) => enqueueAll(ctx.deps.queues, fetchWebinarStaffJob, chunk),
  });
  if (result.backfills + result.discoveries + result.webinars + staffFetches > 0) {
    ctx.log.debug({ ...result, staffFetches }, "dispatched due work");
  }
  return { ...result, staffFetches };
};
