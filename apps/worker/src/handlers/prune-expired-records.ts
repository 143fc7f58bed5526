import { pruneExpiredRecords } from "@gw/domain/retention";
import type { JobHandler } from "./types";

/** Periodic: sync runs, submissions' raw answers, completed registrations, keys and read changes past their retention. */
export const handlePruneExpiredRecords: JobHandler<"prune-expired-records"> = async (_payload, ctx) => {
  const result = await pruneExpiredRecords({ db: ctx.deps.db, retention: ctx.deps.config.retention });
  if (Object.values(result).some((n) => n > 0)) ctx.log.info(result, "removed records past their retention");
  return result;
};
