import type { AppConfig } from "@gw/config";
import type { JobsOptions } from "bullmq";
import { z } from "zod";
import type { QueueName } from "./queue-names";

/**
 * One typed entry of the job catalog: enqueue only through it, and the worker re-validates the
 * payload with the same schema. `jobId` makes every enqueue idempotent: BullMQ ignores an add
 * whose id is already waiting or running.
 */
export interface JobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> {
  name: Name;
  queue: QueueName;
  schema: Schema;
  /** Deterministic id (no ':' — BullMQ reserves it). Omit for jobs that may run many times at once. */
  jobId?: (payload: z.infer<Schema>) => string;
  options?: Omit<JobsOptions, "jobId">;
  /**
   * Makes the job periodic: the worker registers a BullMQ job scheduler for it at start-up, so
   * exactly one run is produced per interval however many workers run. Its payload is `{}`.
   */
  every?: (config: AppConfig) => number;
}

export type PayloadOf<D> = D extends JobDefinition<string, infer S> ? z.infer<S> : never;

/** What travels in Redis: the payload and the id of the HTTP request that caused it. */
export interface JobEnvelope<P = unknown> {
  payload: P;
  requestId?: string;
}

export function defineJob<Name extends string, Schema extends z.ZodType>(
  definition: JobDefinition<Name, Schema>,
): JobDefinition<Name, Schema> {
  return definition;
}

const PERIODIC_SCHEMA = z.object({}).passthrough();

/**
 * A periodic job: payload `{}`, one attempt (the next run is its retry), the last hundred runs kept
 * for the dashboard. `every` as in JobDefinition.
 */
export function periodicJob<Name extends string>(
  name: Name,
  queue: QueueName,
  every: (config: AppConfig) => number,
): JobDefinition<Name, typeof PERIODIC_SCHEMA> {
  return {
    name,
    queue,
    schema: PERIODIC_SCHEMA,
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every,
  };
}
