import { Counter, Gauge } from "prom-client";
import { registry } from "./registry";

/** Jobs per queue and state, as BullMQ counts them. */
export interface QueueDepth {
  queue: string;
  state: string;
  count: number;
}

/** How far behind the service is, read from Postgres at scrape time. */
export interface BacklogSample {
  /** Per connector: how long its most overdue webinar poll or attendance sync has been due (0 when none is). */
  syncLag: { connectorId: string; seconds: number }[];
  /** Per connector: age of the oldest webhook event received and not yet applied (0 when none waits). */
  webhookLag: { connectorId: string; seconds: number }[];
  /** Age of the oldest form registration still waiting to reach GoTo (0 when none waits). */
  registrationOutboxAgeSeconds: number;
}

export interface Samplers {
  queues?: () => Promise<QueueDepth[]>;
  backlog?: () => Promise<BacklogSample>;
  /** Told about a reading that failed (to log it); the scrape goes on without those gauges. */
  onError?: (sample: keyof Omit<Samplers, "onError">, error: unknown) => void;
}

const SAMPLE_TIMEOUT_MS = 2_000;
const samplers = new Set<Samplers>();

const sampleFailures = new Counter({
  name: "gw_metrics_sample_failures_total",
  help: "Scrapes whose queue (Redis) or backlog (Postgres) reading failed or took over 2 s; those gauges are then absent",
  labelNames: ["sample"] as const,
  registers: [registry],
});

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("sample timed out")), SAMPLE_TIMEOUT_MS).unref(),
    ),
  ]);
}

async function readAll<T>(
  kind: "queues" | "backlog",
  pick: (s: Samplers) => (() => Promise<T>) | undefined,
): Promise<T[]> {
  const values: T[] = [];
  await Promise.all(
    [...samplers].map(async (s) => {
      const read = pick(s);
      if (!read) return;
      try {
        values.push(await withTimeout(read()));
      } catch (error) {
        sampleFailures.inc({ sample: kind });
        s.onError?.(kind, error);
      }
    }),
  );
  return values;
}

const queueJobs = new Gauge({
  name: "gw_queue_jobs",
  help: "Jobs in each queue by state (waiting, prioritized, active, delayed, paused, failed)",
  labelNames: ["queue", "state"] as const,
  registers: [registry],
});

const syncLag = new Gauge({
  name: "gw_sync_lag_seconds",
  help: "Per connector: how long the most overdue webinar poll or attendance sync has been due",
  labelNames: ["connector_id"] as const,
  registers: [registry],
});

const webhookLag = new Gauge({
  name: "gw_webhook_lag_seconds",
  help: "Per connector: age of the oldest GoTo webhook event received but not yet applied",
  labelNames: ["connector_id"] as const,
  registers: [registry],
});

const outboxAge = new Gauge({
  name: "gw_registration_outbox_age_seconds",
  help: "Age of the oldest form or rule registration still waiting to be pushed to GoTo",
  registers: [registry],
});

/**
 * Reads every sampler once and sets the gauges from what answered, before a scrape renders
 * them (once per scrape: the three backlog gauges share one reading).
 */
export async function sampleGauges(): Promise<void> {
  const [queues, backlogs] = await Promise.all([
    readAll("queues", (s) => s.queues),
    readAll("backlog", (s) => s.backlog),
  ]);
  queueJobs.reset();
  for (const depths of queues) for (const d of depths) queueJobs.set({ queue: d.queue, state: d.state }, d.count);
  syncLag.reset();
  webhookLag.reset();
  outboxAge.reset();
  for (const sample of backlogs) {
    for (const lag of sample.syncLag) syncLag.set({ connector_id: lag.connectorId }, lag.seconds);
    for (const lag of sample.webhookLag) webhookLag.set({ connector_id: lag.connectorId }, lag.seconds);
    outboxAge.set(sample.registrationOutboxAgeSeconds);
  }
}

/**
 * Adds what a process can read at scrape time (its queues, the backlog in Postgres); returns
 * the removal, for shutdown. Readings that fail leave their gauges absent for that scrape and
 * count in gw_metrics_sample_failures_total, so a down Redis never fails the whole scrape.
 */
export function addSamplers(s: Samplers): () => void {
  samplers.add(s);
  return () => {
    samplers.delete(s);
  };
}
