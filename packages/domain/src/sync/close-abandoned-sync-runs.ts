import type { Db } from "@gw/db";

export interface CloseAbandonedSyncRunsOptions {
  db: Pick<Db, "syncRun">;
  /** Whether the queue job with this id is being worked on right now (BullMQ state "active"). */
  isJobRunning: (jobId: string) => Promise<boolean>;
  now?: Date;
  /** A run with no job recorded is left alone for this long. Default 1 hour. */
  orphanAfterMs?: number;
}

const HOUR_MS = 3_600_000;
export const ABANDONED_NO_JOB =
  "Abandoned: its job is no longer running (the worker running it stopped, or Redis lost it)";
export const ABANDONED_RESTARTED = "Abandoned: its job was started again (the worker running it stopped)";

/**
 * Closes sync runs left RUNNING by a job that is gone: the worker was killed or lost Redis
 * mid-job, so nobody will ever finish them. A run is alive only while its job is active and it is
 * that job's newest run (a job put back after a crash opens a new run under the same id). Each
 * close is guarded by the status, so a run finishing at the same moment keeps its own outcome.
 */
export async function closeAbandonedSyncRuns(options: CloseAbandonedSyncRunsOptions): Promise<{ abandoned: number }> {
  const now = options.now ?? new Date();
  const running = await options.db.syncRun.findMany({
    where: { status: "RUNNING", startedAt: { lte: now } },
    orderBy: { startedAt: "desc" },
    select: { id: true, jobId: true, startedAt: true },
  });
  const reasons = new Map<string, string>();
  const newestOfJob = new Map<string, string>();
  for (const run of running) {
    if (!run.jobId) {
      if (now.getTime() - run.startedAt.getTime() > (options.orphanAfterMs ?? HOUR_MS))
        reasons.set(run.id, ABANDONED_NO_JOB);
    } else if (newestOfJob.has(run.jobId)) reasons.set(run.id, ABANDONED_RESTARTED);
    else newestOfJob.set(run.jobId, run.id);
  }
  for (const [jobId, runId] of newestOfJob) {
    if (!(await options.isJobRunning(jobId))) reasons.set(runId, ABANDONED_NO_JOB);
  }
  let abandoned = 0;
  for (const [id, error] of reasons) {
    const started = running.find((run) => run.id === id)!.startedAt;
    const { count } = await options.db.syncRun.updateMany({
      where: { id, status: "RUNNING" },
      data: {
        status: "ABANDONED",
        error,
        finishedAt: now,
        durationMs: Math.max(0, now.getTime() - started.getTime()),
      },
    });
    abandoned += count;
  }
  return { abandoned };
}
