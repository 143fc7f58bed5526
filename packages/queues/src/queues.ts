import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { QUEUE_NAMES, type QueueName } from "./queue-names";

export type Queues = Record<QueueName, Queue> & { close(): Promise<void> };

/**
 * Producers for every queue; both apps create them, only the worker consumes.
 *
 * They share the caller's connection and do not wait for it at start: BullMQ's start-up check of
 * a shared connection that is not ready yet stays pending, and if the connection then ends after
 * the queues were closed (a Redis that is down at shutdown), it rejects from a listener BullMQ has
 * already removed: an unhandled rejection that fails the process's tests. Commands still wait for
 * the connection in ioredis's offline queue, and fail after the producer's retry budget.
 * (Skipping the server-version check is what makes start-up need no round trip; we require
 * Redis 7, well above BullMQ's minimum.)
 */
export function createQueues(connection: Redis, prefix: string): Queues {
  const options = { connection, prefix, skipWaitingForReady: true, skipVersionCheck: true };
  const entries = Object.values(QUEUE_NAMES).map((name) => [name, new Queue(name, options)] as const);
  const queues = Object.fromEntries(entries) as Record<QueueName, Queue>;
  return Object.assign(queues, {
    async close() {
      await Promise.all(entries.map(([, queue]) => queue.close()));
    },
  });
}
