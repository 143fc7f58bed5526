import { DomainError } from "@gw/domain";
import { recordJob } from "@gw/metrics";
import { type JobEnvelope, jobCatalog, jobsByName, QUEUE_NAMES, type QueueName, redisOptionsFromUrl } from "@gw/queues";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { WorkerDeps } from "./deps";
import type { JobContext, JobHandlers } from "./handlers/types";
import { startWebhookConsumer, type WebhookConsumer } from "./webhook-consumer";

const SCHEDULER_REASSERT_MS = 60_000;

export interface WorkerRuntime {
  workers: Worker[];
  /** Applies received webhook events in batches, when this runtime serves the webhooks queue. */
  webhookConsumer?: WebhookConsumer;
  /**
   * Stops taking jobs and waits for the running ones to finish; past the grace period
   * (WORKER_SHUTDOWN_GRACE_MS) they are told to stop (their signal aborts) and handed back to
   * the queue, so another worker takes them at once instead of after their lock runs out.
   */
  close(): Promise<void>;
}

interface InFlightJob {
  job: Job<JobEnvelope>;
  token: string | undefined;
  controller: AbortController;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

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
  const inFlight = new Set<InFlightJob>();

  const process = async (job: Job<JobEnvelope>, token?: string) => {
    const running: InFlightJob = { job, token, controller: new AbortController() };
    inFlight.add(running);
    const started = performance.now();
    try {
      const result = await run(job, running.controller.signal);
      recordJob(job.name, "completed", performance.now() - started);
      return result;
    } catch (error) {
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      recordJob(job.name, "failed", performance.now() - started, final);
      throw error;
    } finally {
      inFlight.delete(running);
    }
  };

  const run = async (job: Job<JobEnvelope>, signal: AbortSignal) => {
    const definition = jobsByName.get(job.name);
    if (!definition) throw new UnrecoverableError(`unknown job ${job.name}`);
    const parsed = definition.schema.safeParse(job.data?.payload ?? {});
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
    const ctx: JobContext = {
      deps,
      jobId: job.id ?? "",
      attempt: job.attemptsMade + 1,
      requestId: job.data?.requestId,
      signal,
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
  // Crash recovery: a killed worker's jobs keep their lock until it expires (lockMs, renewed every
  // third of it while they run), then the next stalled check of any worker (every stalledCheckMs)
  // puts them back: about lockMs + stalledCheckMs after a SIGKILL, not BullMQ's 30 s + 30 s.
  // Every job is idempotent (deterministic ids, claims in Postgres), so a few stalls are retried
  // rather than failed; a job that keeps killing its worker still ends failed.
  const workers = queueNames.map(
    (queue) =>
      new Worker<JobEnvelope>(queue, process, {
        connection,
        prefix: config.redis.prefix,
        concurrency: queue === QUEUE_NAMES.scheduler ? 1 : config.worker.concurrency,
        lockDuration: config.worker.lockMs,
        lockRenewTime: Math.floor(config.worker.lockMs / 3),
        stalledInterval: config.worker.stalledCheckMs,
        maxStalledCount: 3,
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
  // A Redis that comes back empty (restarted, flushed, failed over) has lost the schedulers, and
  // the outbox sweeps that re-enqueue what Postgres holds would wait for the next re-assert:
  // re-register them as soon as the connection is ready again (measured: 48 s → a few seconds).
  const schedulerClient = await deps.queues[queueNames[0]!].client;
  let reconnects = 0;
  const onReady = () => {
    reconnects += 1;
    log.info({ reconnects }, "redis connection ready again: re-registering periodic jobs");
    upsertSchedulers().catch((error) => log.warn({ err: error }, "could not re-register periodic jobs"));
  };
  schedulerClient.on("ready", onReady);
  // With the workers of its queue: what its batches leave becomes webhooks jobs.
  const webhookConsumer = queueNames.includes(QUEUE_NAMES.webhooks) ? startWebhookConsumer(deps) : undefined;
  log.info({ queues: queueNames, concurrency: config.worker.concurrency }, "worker started");

  // Past the grace period: abort what still runs (handlers release what they hold, such as a
  // registration's lease) and move each job back to waiting under its own lock token.
  const handBack = async () => {
    const jobs = [...inFlight];
    log.warn(
      { jobs: jobs.map((j) => `${j.job.name}:${j.job.id}`) },
      "jobs still running at shutdown: handing them back",
    );
    for (const { controller } of jobs) controller.abort(new Error("the worker is shutting down"));
    await Promise.all(
      jobs.map(async ({ job, token }) => {
        try {
          if (token) await job.moveToWait(token);
        } catch (error) {
          log.warn({ err: error, jobId: job.id }, "could not hand a job back; its lock will run out");
        }
      }),
    );
  };

  return {
    workers,
    ...(webhookConsumer ? { webhookConsumer } : {}),
    async close() {
      clearInterval(reassert);
      await webhookConsumer?.close(); // a batch in progress commits or rolls back whole
      schedulerClient.off("ready", onReady);
      const closed = Promise.all(workers.map((worker) => worker.close()));
      const inTime = await Promise.race([
        closed.then(() => true),
        sleep(config.worker.shutdownGraceMs).then(() => false),
      ]);
      if (inTime) return;
      await handBack();
      // Handlers that honour the signal end now; the rest are cut short when the process exits.
      await Promise.race([closed, sleep(1_000)]);
    },
  };
}
