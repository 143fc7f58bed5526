import { QUEUE_NAMES } from "./queue-names";
import type { Queues } from "./queues";

const STATES = ["waiting", "prioritized", "active", "delayed", "paused", "failed"] as const;

/** Jobs in every queue by state (BullMQ's counts, one round trip per queue). */
export async function readQueueDepths(queues: Queues): Promise<{ queue: string; state: string; count: number }[]> {
  const per = await Promise.all(
    Object.values(QUEUE_NAMES).map(async (queue) => {
      const counts = await queues[queue].getJobCounts(...STATES);
      return STATES.map((state) => ({ queue, state, count: counts[state] ?? 0 }));
    }),
  );
  return per.flat();
}
