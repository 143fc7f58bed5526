import { DomainError } from "@gw/domain";
import { type JobEnvelope, jobCatalog, jobsByName, QUEUE_NAMES, type QueueName, redisOptionsFromUrl } from "@gw/queues";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { WorkerDeps } from "./deps";
import type { JobContext, JobHandlers } from "./handlers/types";

const SCHEDULER_REASSERT_MS = 60_000;

export interface WorkerRuntime {
  workers: Worker[];
  /** Stops taking jobs and waits for the running ones to finish. */
  close(): Promise<void>;
}

/** Refuses to start unless every job of the catalog has exactly one handler, and no stray one. */
export function assertHandlersCoverCatalog(handlers: Record<string, unknown>): void {
  const names = jobCatalog.map((job) => job.name as string);
  const missing = names.filter((name) => typeof handlers[name] !== "function");
  const unknown = Object.keys(handlers).filter((name) => !names.includes(name));
  if (missing.length || unknown.length) {
    throw new Error(
      `worker refuses to start: ${missing.length ? `no handler for ${missing.join(", ")}` : ""}${missing.length && unknown.length ? "; " : ""}${unknown.length ? `handler for unknown job ${unknown.join(", ")}` : ""}`,
    );
  }
}

export async function startWorkerRuntime(
  deps: WorkerDeps,
  handlers: JobHandlers,
  options: { queues?: QueueName[]; reassertSchedulersEveryMs?: number } = {},
): Promise<WorkerRuntime> {
  assertHandlersCoverCatalog(handlers);
  const { config, log } = deps;
  const queueNames = options.queues ?? Object.values(QUEUE_NAMES);

  const process = async (job: Job<JobEnvelope>) => {
    const definition = jobsByName.get(job.name);
    if (!definition) throw new UnrecoverableError(`unknown job ${job.name}`);
    const parsed = definition.schema.safeParse(job.data?.payload ?? {});
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
    const ctx: JobContext = {
      deps,
      jobId: job.id ?? "",
      attempt: job.attemptsMade + 1,
      requestId: job.data?.requestId,
      log: log.child({ job: job.name, jobId: job.id, ...(job.data?.requestId ? { reqId: job.data.requestId } : {}) }),
    };
    const handler = handlers[job.name as keyof JobHandlers] as (payload: unknown, ctx: JobContext) => Promise<unknown>;
    try {
      return await handler(parsed.data, ctx);
    } catch (error) {
      // Domain refusals that retrying cannot fix end the job at once; the rest retry with backoff.
      if (
        error instanceof DomainError &&
        error.details.retryable !== true &&
        error.code !== "UPSTREAM" &&
        error.code !== "RATE_LIMITED"
      ) {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  };

  // Options, not a shared instance: each worker opens and closes connections of its own, so
  // closing one never pulls a connection from under another (or from the producers).
  const connection = redisOptionsFromUrl(config.redis.url);
  const workers = queueNames.map(
    (queue) =>
      new Worker<JobEnvelope>(queue, process, {
        connection,
        prefix: config.redis.prefix,
        concurrency: queue === QUEUE_NAMES.scheduler ? 1 : config.worker.concurrency,
      }),
  );
  for (const worker of workers) {
    worker.on("failed", (job, error) => log.warn({ job: job?.name, jobId: job?.id, err: error }, "job failed"));
    worker.on("error", (error) => log.error({ err: error }, "worker error"));
  }

  await Promise.all(workers.map((worker) => worker.waitUntilReady()));

  // Periodic jobs: one run per interval however many workers start (schedulers are keyed).
  // Re-asserted every minute, so a flushed Redis gets its schedulers back without a restart.
  const upsertSchedulers = async () => {
    for (const job of jobCatalog) {
      if (!job.every || !queueNames.includes(job.queue)) continue;
      await deps.queues[job.queue].upsertJobScheduler(
        job.name,
        { every: job.every(config) },
        { name: job.name, data: { payload: {} }, opts: job.options },
      );
    }
  };
  await upsertSchedulers();
  const reassert = setInterval(() => {
    upsertSchedulers().catch((error) => log.warn({ err: error }, "could not re-register periodic jobs"));
  }, options.reassertSchedulersEveryMs ?? SCHEDULER_REASSERT_MS);
  reassert.unref();
  log.info({ queues: queueNames, concurrency: config.worker.concurrency }, "worker started");

  return {
    workers,
    async close() {
      clearInterval(reassert);
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
