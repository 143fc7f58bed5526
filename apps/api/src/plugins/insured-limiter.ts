import type { Redis } from "@gw/queues";
import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts } from "rate-limiter-flexible";

/**
 * A counter in Redis, shared by every API process, that falls back to counting in this process
 * while Redis is not ready (never waits for it, never fails open). With `timeoutMs`, a Redis that
 * is connected but slow to answer counts in this process too, after that long.
 */
export function insuredLimiter(
  redis: Redis,
  keyPrefix: string,
  points: number,
  durationSeconds: number,
  timeoutMs?: number,
) {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: durationSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
  });
  return timeoutMs === undefined ? limiter : new RLWrapperTimeouts({ limiter, timeoutMs });
}
