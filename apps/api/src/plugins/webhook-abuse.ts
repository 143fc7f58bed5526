import type { Redis } from "@gw/queues";
import { RateLimiterRes } from "rate-limiter-flexible";
import { insuredLimiter } from "./insured-limiter";

/** How long an address found not blocked is not asked about again, and how many are remembered. */
const HEARD_FOR_MS = 1_000;
const HEARD_LIMIT = 10_000;

export interface WebhookAbuseLimits {
  /** Refused deliveries per client IP and per connector in a minute before answering 429. */
  rejectedPerMinute: number;
  /** Refused deliveries recorded per connector in an hour; the rest are only counted. */
  rejectedStoredPerHour: number;
}

/** How long a delivery waits for Redis's count before this process's own count answers. */
export const REDIS_TIMEOUT_MS = 50;

export interface RejectionVerdict {
  /** Record a row for it (under the hourly cap). */
  store: boolean;
  /** Seconds to tell the sender to wait (429), when it is past its per-minute budget. */
  retryAfterSeconds: number | null;
}

/**
 * Bounds what forged, stale or misaddressed deliveries cost: an address that keeps sending them is
 * turned away before any work (no query, no HMAC), a connector under a flood answers 429, and at
 * most `rejectedStoredPerHour` rows a connector an hour are written. Counted in Redis, in memory
 * while Redis is down or slower than `REDIS_TIMEOUT_MS` (every delivery asks first whether its
 * address is blocked, so a stalled Redis must not stall GoTo's deliveries). Valid deliveries are
 * never counted, so a flood cannot shut GoTo out.
 */
export function createWebhookAbuseGuard(redis: Redis, prefix: string, limits: WebhookAbuseLimits) {
  const limiter = (name: string, points: number, seconds: number) =>
    insuredLimiter(redis, `${prefix}:${name}`, points, seconds, REDIS_TIMEOUT_MS);
  const perIp = limiter("webhook-rejected:ip", limits.rejectedPerMinute, 60);
  const perConnector = limiter("webhook-rejected:connector", limits.rejectedPerMinute, 60);
  const stored = limiter("webhook-rejected:stored", limits.rejectedStoredPerHour, 3600);
  const heard = new Map<string, number>();
  const waitOf = (outcome: PromiseSettledResult<unknown>) =>
    outcome.status === "rejected" && outcome.reason instanceof RateLimiterRes
      ? Math.ceil(outcome.reason.msBeforeNext / 1000)
      : null;

  return {
    /**
     * Seconds this address must wait, or null when it may be heard. An address heard is asked
     * about again after a second, not on each delivery: GoTo sends hundreds a second from a few
     * addresses, and a Redis round trip each was most of what a valid delivery waited for.
     */
    async blockedFor(ip: string): Promise<number | null> {
      const now = Date.now();
      const heardUntil = heard.get(ip);
      if (heardUntil !== undefined && heardUntil > now) return null;
      const state = await perIp.get(ip).catch(() => null);
      if (state && state.consumedPoints > limits.rejectedPerMinute) return Math.ceil(state.msBeforeNext / 1000);
      if (heard.size >= HEARD_LIMIT) heard.clear();
      heard.set(ip, now + HEARD_FOR_MS);
      return null;
    },
    /** Counts one refused delivery (connectorId null when the connector is unknown). */
    async rejected(ip: string, connectorId: string | null): Promise<RejectionVerdict> {
      heard.delete(ip);
      const [ip_, connector, store] = await Promise.allSettled([
        perIp.consume(ip),
        connectorId ? perConnector.consume(connectorId) : Promise.resolve(null),
        connectorId && limits.rejectedStoredPerHour > 0 ? stored.consume(connectorId) : Promise.reject(null),
      ]);
      const waits = [waitOf(ip_), waitOf(connector)].filter((w): w is number => w !== null);
      return { store: store.status === "fulfilled", retryAfterSeconds: waits.length ? Math.max(...waits) : null };
    },
    /** Refused deliveries of this hour's window that were counted but not stored. */
    async notStored(connectorId: string): Promise<number> {
      const state = await stored.get(connectorId).catch(() => null);
      return Math.max(0, (state?.consumedPoints ?? 0) - limits.rejectedStoredPerHour);
    },
  };
}

export type WebhookAbuseGuard = ReturnType<typeof createWebhookAbuseGuard>;
