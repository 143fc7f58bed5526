import type { Redis } from "@gw/queues";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";

/**
 * A counter in Redis, shared by every API process, that falls back to counting in this process
 * while Redis is not ready (never waits for it, never fails open).
 */
export function insuredLimiter(redis: Redis, keyPrefix: string, points: number, durationSeconds: number) {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: durationSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
  });
}
