import { z } from "zod";
import { defineJob, periodicJob } from "../define-job";

/**
 * Pushes one form registration (a RegistrationRequest row, the outbox) to GoTo Webinar. One job
 * per attempt: the id carries the request's attempt count, so the API's enqueue, the job's own
 * retry and the sweeper all produce the same id for the same attempt (BullMQ keeps one), and a
 * later attempt is never blocked by an earlier job still in Redis. Retries are the request
 * row's (Postgres decides when, up to its giveUpAt), not BullMQ's.
 */
export const pushRegistrationJob = defineJob({
  name: "push-registration",
  queue: "registrations",
  schema: z.object({ requestId: z.uuid(), attempt: z.number().int().min(0) }),
  jobId: (payload) => `register-${payload.requestId}-${payload.attempt}`,
  // A crash before the row is claimed retries here; after the claim the row's lease and the
  // sweeper take over. Removed either way so the id never blocks a re-enqueue.
  options: { attempts: 3, backoff: { type: "exponential", delay: 1_000 }, removeOnComplete: true, removeOnFail: true },
});

/** Re-enqueues PENDING registration requests whose attempt is due (lost Redis, crashed worker). */
export const sweepRegistrationsJob = periodicJob(
  "sweep-registrations",
  "registrations",
  (config) => config.registrations.sweepEveryMs,
);
