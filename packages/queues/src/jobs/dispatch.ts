import { z } from "zod";
import { defineJob } from "../define-job";

/**
 * The scheduler tick: reads what is due from Postgres and enqueues it. Registered as a BullMQ
 * job scheduler by the worker, so exactly one tick is produced per interval however many
 * workers run.
 */
export const dispatchJob = defineJob({
  name: "dispatch",
  queue: "scheduler",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
  every: (config) => config.sync.dispatchEveryMs,
});

/**
 * Closes sync runs left RUNNING by a job that is gone (worker killed, Redis lost) as ABANDONED,
 * so the Sync activity page never shows a run as running that is not.
 */
export const closeAbandonedSyncRunsJob = defineJob({
  name: "close-abandoned-sync-runs",
  queue: "scheduler",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
  every: () => 20_000,
});

/**
 * Removes records past their retention (sync runs, form submissions' raw answers, completed
 * registration requests, resent-page keys, the change log once read), in small batches.
 */
export const pruneExpiredRecordsJob = defineJob({
  name: "prune-expired-records",
  queue: "scheduler",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
  every: () => 3_600_000,
});
