import type { Job } from "bullmq";
import type { z } from "zod";
import type { JobDefinition, JobEnvelope } from "./define-job";
import type { Queues } from "./queues";

export interface EnqueueOptions {
  requestId?: string;
  delayMs?: number;
}

/** Validates the payload against the catalog entry and adds it with its deterministic id. */
export async function enqueue<S extends z.ZodType>(
  queues: Queues,
  definition: JobDefinition<string, S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<Job> {
  const job = jobOf(definition, payload, options);
  return queues[definition.queue].add(job.name, job.data, job.opts);
}

/** `enqueue` for many payloads of one job, in one round trip (BullMQ's addBulk). */
export async function enqueueAll<S extends z.ZodType>(
  queues: Queues,
  definition: JobDefinition<string, S>,
  payloads: z.input<S>[],
  options: EnqueueOptions = {},
): Promise<Job[]> {
  if (payloads.length === 0) return [];
  return queues[definition.queue].addBulk(payloads.map((payload) => jobOf(definition, payload, options)));
}

function jobOf<S extends z.ZodType>(
  definition: JobDefinition<string, S>,
  payload: z.input<S>,
  options: EnqueueOptions,
) {
  const parsed = definition.schema.parse(payload) as z.infer<S>;
  const data: JobEnvelope = { payload: parsed, ...(options.requestId ? { requestId: options.requestId } : {}) };
  const jobId = definition.jobId?.(parsed);
  return {
    name: definition.name,
    data,
    opts: {
      attempts: 5,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: 1_000,
      ...definition.options,
      ...(jobId ? { jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    },
  };
}
