import { createRequestLimiter, type RequestLimiter } from "@gw/gotowebinar";

/** One request limiter per connector per process: GoTo's 10 requests/s budget is per token. */
export interface LimiterRegistry {
  get(connectorId: string): RequestLimiter;
}

export function createLimiterRegistry(options: { perSecond: number; maxConcurrent?: number }): LimiterRegistry {
  const limiters = new Map<string, RequestLimiter>();
  return {
    get(connectorId) {
      let limiter = limiters.get(connectorId);
      if (!limiter) {
        limiter = createRequestLimiter({ perSecond: options.perSecond, maxConcurrent: options.maxConcurrent ?? 10 });
        limiters.set(connectorId, limiter);
      }
      return limiter;
    },
  };
}

const processRegistries = new Map<number, LimiterRegistry>();

/** The registry shared by everything in this process that talks to GoTo at this rate. */
export function processLimiterRegistry(perSecond: number): LimiterRegistry {
  let registry = processRegistries.get(perSecond);
  if (!registry) {
    registry = createLimiterRegistry({ perSecond });
    processRegistries.set(perSecond, registry);
  }
  return registry;
}
