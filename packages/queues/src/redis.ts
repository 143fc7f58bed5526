import { Redis } from "ioredis";

export type { Redis } from "ioredis";

/**
 * Workers need `maxRetriesPerRequest: null` (BullMQ blocks on Redis and must wait it out);
 * producers in the API fail fast instead, so a request never hangs on a lost Redis: whatever
 * must survive is already in Postgres and the dispatcher re-enqueues it.
 */
export function createRedis(url: string, role: "worker" | "producer"): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    enableOfflineQueue: role === "worker",
    connectTimeout: 5_000,
    lazyConnect: false,
  });
}
