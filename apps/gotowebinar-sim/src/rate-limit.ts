/**
 * GoTo allows 10 requests per second per OAuth client (docs/gotowebinar-api.md §7). A token bucket
 * per client, refilled in real time (not the sim clock: bursts are a wall-clock matter).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; last: number }>();

  constructor(private readonly ratePerSecond: () => number) {}

  take(clientId: string): boolean {
    const rate = this.ratePerSecond();
    if (rate <= 0) return true;
    const now = performance.now();
    const bucket = this.buckets.get(clientId) ?? { tokens: rate, last: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.last) / 1000) * rate);
    bucket.last = now;
    this.buckets.set(clientId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
