import Bottleneck from "bottleneck";

/** Schedules API calls; share one per connector (GoTo allows 10 requests/s per client). */
export interface RequestLimiter {
  schedule<T>(fn: () => Promise<T>): Promise<T>;
}

export interface RequestLimiterOptions {
  /** Requests started per second, evenly spaced. Default 10 (GoTo's documented limit). */
  perSecond?: number;
  /** Requests in flight at once. Default 10. */
  maxConcurrent?: number;
}

export function createRequestLimiter(options: RequestLimiterOptions = {}): RequestLimiter {
  const perSecond = options.perSecond ?? 10;
  const maxConcurrent = options.maxConcurrent ?? 10;
  if (!(perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${perSecond}`);
  if (!(maxConcurrent >= 1)) throw new RangeError(`maxConcurrent must be at least 1, got ${maxConcurrent}`);
  // minTime spaces starts evenly, so no burst can exceed the per-second budget of a sliding window.
  const bottleneck = new Bottleneck({ maxConcurrent, minTime: Math.ceil(1000 / perSecond) });
  return { schedule: (fn) => bottleneck.schedule(fn) };
}

/** A limiter that runs everything at once (for tests or callers that limit elsewhere). */
export const unlimited: RequestLimiter = { schedule: (fn) => fn() };
