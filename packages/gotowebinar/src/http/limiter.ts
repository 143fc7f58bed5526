import Bottleneck from "bottleneck";

/** How urgently a request should get its turn when the budget is contended. */
export type RequestPriority = "urgent" | "normal" | "background";

/** Schedules API calls; share one per GoTo budget (GoTo allows 10 requests/s per OAuth client). */
export interface RequestLimiter {
  schedule<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * GoTo answered 429: hold back every request of this budget (not only the one refused) for
   * this long. Optional: a limiter that cannot do better leaves it to the request's own retry.
   */
  backOff?(delayMs: number): void;
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
