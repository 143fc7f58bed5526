import { closeAbandonedSyncRuns } from "@gw/domain/sync";
import type { JobHandler } from "./types";

/** Periodic: sync runs whose job is no longer active in the sync queue are closed as ABANDONED. */
export const handleCloseAbandonedSyncRuns: JobHandler<"close-abandoned-sync-runs"> = async (_payload, ctx) => {
  const { db, queues } = ctx.deps;
  const result = await closeAbandonedSyncRuns({
    db,
    isJobRunning: async (jobId) => (await queues.sync.getJobState(jobId)) === "active",
  });
  if (result.abandoned > 0) ctx.log.warn(result, "closed sync runs whose job was gone");
  return result;
};
