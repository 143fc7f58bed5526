import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { TEST_REDIS_URL } from "./server-urls";

export interface TestRedis {
  url: string;
  prefix: string;
  redis: Redis;
  /** Deletes every key under the prefix: what a FLUSHALL does to this file (the Redis is shared). */
  flush(): Promise<void>;
  /** Deletes every key under the prefix and disconnects. */
  cleanup(): Promise<void>;
}

/** A Redis key prefix of its own for one test file, on the machine's Redis. */
export async function createTestRedis(label = "t"): Promise<TestRedis> {
  const prefix = `gwtest-${label.replace(/\W/g, "")}-${randomBytes(4).toString("hex")}`;
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const flush = async () => {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  };
  return {
    url: TEST_REDIS_URL,
    prefix,
    redis,
    flush,
    async cleanup() {
      await flush();
      redis.disconnect();
    },
  };
}
