import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { QUEUE_NAMES, type QueueName } from "./queue-names";

export type Queues = Record<QueueName, Queue> & { close(): Promise<void> };

/** Producers for every queue; both apps create them, only the worker consumes. */
export function createQueues(connection: Redis, prefix: string): Queues {
  const entries = Object.values(QUEUE_NAMES).map((name) => [name, new Queue(name, { connection, prefix })] as const);
  const queues = Object.fromEntries(entries) as Record<QueueName, Queue>;
  return Object.assign(queues, {
    async close() {
      await Promise.all(entries.map(([, queue]) => queue.close()));
    },
  });
}
