import { periodicJob } from "../define-job";

/**
 * The scheduler tick: reads what is due from Postgres and enqueues it. Registered as a BullMQ
 * job scheduler by the worker, so exactly one tick is produced per interval however many
 * workers run.
 */
export const dispatchJob = periodicJob("dispatch", "scheduler", (config) => config.sync.dispatchEveryMs);

/**
 * Closes sync runs left RUNNING by a job that is gone (worker killed, Redis lost) as ABANDONED,
 * so the Sync activity page never shows a run as running that is not.
 */
export const closeAbandonedSyncRunsJob = periodicJob("close-abandoned-sync-runs", "scheduler", () => 20_000);

/**
 * Removes records past their retention (sync runs, form submissions' raw answers, completed
 * registration requests, resent-page keys, the change log once read), in small batches.
 */
export const pruneExpiredRecordsJob = periodicJob("prune-expired-records", "scheduler", () => 3_600_000);
