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
  const parsed = definition.schema.parse(payload) as z.infer<S>;
  const envelope: JobEnvelope = { payload: parsed, ...(options.requestId ? { requestId: options.requestId } : {}) };
  const jobId = definition.jobId?.(parsed);
  return queues[definition.queue].add(definition.name, envelope, {
    attempts: 5,
    backoff: { type: "exponential", delay: 2_000 },
    removeOnComplete: true,
    removeOnFail: 1_000,
    ...definition.options,
    ...(jobId ? { jobId } : {}),
    ...(options.delayMs ? { delay: options.delayMs } : {}),
  });
}
