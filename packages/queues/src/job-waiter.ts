import { QueueEvents } from "bullmq";
import type { QueueName } from "./queue-names";
import { redisOptionsFromUrl } from "./redis";

export type JobOutcome =
  | { state: "completed"; value: unknown }
  /** An attempt threw (BullMQ may still retry it). */
  | { state: "failed"; reason: string }
  /** Not finished by the deadline (or the wait was cancelled): the job goes on without a waiter. */
  | { state: "timeout" };

export interface JobWaiter {
  /**
   * Starts listening for one job's end. Call it before adding the job, so an answer faster than
   * the add's own round trip is not missed; cancel it if the add fails.
   */
  expect(jobId: string, deadline: number): { outcome: Promise<JobOutcome>; cancel(): void };
  close(): Promise<void>;
}

/**
 * Lets a producer wait, for a bounded time, for jobs it added: one BullMQ QueueEvents reader
 * (a blocking connection of its own) per process and queue, whatever the number of waiters.
 * Waiting is a courtesy, never a dependency: a lost Redis or a slow worker only makes the wait
 * end at its deadline, the job itself is unaffected.
 */
export function createJobWaiter(options: {
  redisUrl: string;
  prefix: string;
  queue: QueueName;
  onError?: (error: Error) => void;
}): JobWaiter {
  // BullMQ's close() waits until its connection is ready or ended; while Redis is unreachable it
  // would wait forever, so reconnecting stops once we close (the next attempt ends it, ≤ 2 s).
  let closing = false;
  const events = new QueueEvents(options.queue, {
    connection: {
      ...redisOptionsFromUrl(options.redisUrl),
      retryStrategy: (times: number) => (closing ? null : Math.min(times * 500, 2_000)),
    },
    prefix: options.prefix,
  });
  // Errors (Redis down) surface as timeouts to the waiters; the reader reconnects on its own.
  events.on("error", (error) => options.onError?.(error));
  const waiting = new Map<string, (outcome: JobOutcome) => void>();
  const settle = (jobId: string, outcome: JobOutcome) => {
    const resolve = waiting.get(jobId);
    if (!resolve) return;
    waiting.delete(jobId);
    resolve(outcome);
  };
  events.on("completed", ({ jobId, returnvalue }) => settle(jobId, { state: "completed", value: returnvalue }));
  // Emitted for every failed attempt, a retried one too: the waiter learns the job did not succeed (yet).
  events.on("failed", ({ jobId, failedReason }) => settle(jobId, { state: "failed", reason: failedReason }));

  return {
    expect(jobId, deadline) {
      let timer: NodeJS.Timeout | undefined;
      const cancel = () => settle(jobId, { state: "timeout" });
      const outcome = new Promise<JobOutcome>((resolve) => {
        waiting.get(jobId)?.({ state: "timeout" });
        waiting.set(jobId, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        timer = setTimeout(cancel, Math.max(0, deadline - Date.now()));
        timer.unref();
      });
      return { outcome, cancel };
    },
    async close() {
      closing = true;
      for (const jobId of [...waiting.keys()]) settle(jobId, { state: "timeout" });
      await events.close().catch(() => undefined);
    },
  };
}
