import { z } from "zod";
import { defineJob, periodicJob } from "../define-job";

/**
 * Turns new entries of the change log into outbound deliveries (the outbox in Postgres), then
 * enqueues delivery for the endpoints concerned. Periodic: the log is written by triggers, so no
 * code path has to remember to enqueue anything.
 */
export const fanOutEventsJob = periodicJob("fan-out-events", "outbound", (config) => config.outbound.fanOutEveryMs);

/**
 * Delivers one endpoint's pending events in order. Retries are the delivery rows' (Postgres
 * decides when); a job per wake-up, each with its own id (`key`), and a lease in Postgres keeps
 * deliveries to one endpoint one at a time whatever the number of jobs.
 */
export const deliverEndpointJob = defineJob({
  name: "deliver-endpoint",
  queue: "outbound",
  schema: z.object({ endpointId: z.uuid(), key: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/) }),
  jobId: (payload) => `deliver-${payload.endpointId}-${payload.key}`,
  options: { attempts: 3, backoff: { type: "exponential", delay: 1_000 }, removeOnComplete: true, removeOnFail: true },
});

/** Re-enqueues endpoints with deliveries due and no worker on them (lost Redis, crashed worker). */
export const sweepOutboundJob = periodicJob("sweep-outbound", "outbound", (config) => config.outbound.sweepEveryMs);
