import { Redis, type RedisOptions } from "ioredis";

export type { Redis } from "ioredis";

/**
 * Workers need `maxRetriesPerRequest: null` (BullMQ blocks on Redis and must wait it out);
 * producers in the API give up after one reconnection attempt, so a request never hangs on a lost
 * Redis: whatever must survive is already in Postgres and the dispatcher re-enqueues it.
 */
export function createRedis(url: string, role: "worker" | "producer"): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    connectTimeout: 5_000,
    lazyConnect: false,
  });
}

/** Connection options for BullMQ to open (and close) connections of its own. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, "") || 0);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db,
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
