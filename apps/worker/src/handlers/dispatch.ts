import { dispatchDueWork } from "@gw/domain/sync";
import { enqueueDueWork } from "./sync-support";
import type { JobHandler } from "./types";

/**
 * The scheduler tick. It reads what is due from Postgres (the schedule lives there, so a
 * flushed Redis loses nothing) and enqueues it with deterministic job ids.
 */
export const handleDispatch: JobHandler<"dispatch"> = async (_payload, ctx) => {
  const result = await dispatchDueWork({
    db: ctx.deps.db,
    sink: { enqueue: (work) => enqueueDueWork(ctx.deps, work) },
  });
  if (result.backfills + result.discoveries + result.webinars > 0) ctx.log.debug(result, "dispatched due work");
  return result;
};
