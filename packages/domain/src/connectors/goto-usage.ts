import { Redis } from "ioredis";

/** What a GoTo request was for, as the API budget view groups them. */
export const USAGE_PURPOSES = ["polls", "attendance", "registrations", "webhooks", "other"] as const;
export type UsagePurpose = (typeof USAGE_PURPOSES)[number];

export interface UsageWindow {
  requests: number;
  rateLimited: number;
  byPurpose: Record<UsagePurpose, number>;
}

/**
 * Every GoTo request of every process, counted per connector and minute in Redis (kept 25 h),
 * for the API budget view: what used a connector's budget in the last hour and day. Counting
 * never delays or fails a request: writes are fire-and-forget, and a lost Redis only loses
 * these counts.
 */
export interface UsageLedger {
  record(connectorId: string, purpose: UsagePurpose, status: number): void;
  read(connectorId: string, now?: Date): Promise<{ lastHour: UsageWindow; lastDay: UsageWindow }>;
  close(): Promise<void>;
}

const MINUTE_MS = 60_000;
const KEEP_SECONDS = 25 * 3600;

/** The purpose a request served, from its method and path (the client is shared by every caller). */
export function usagePurposeOf(method: string, path: string): UsagePurpose {
  if (/\/(webhooks|userSubscriptions)\b/.test(path)) return "webhooks";
  if (/\/registrants\b/.test(path) && method === "POST") return "registrations";
  if (/\/(attendees|sessions|performance|questions|surveys|polls)\b/.test(path)) return "attendance";
  if (/\/(registrants|webinars)\b/.test(path) && method === "GET") return "polls";
  return "other";
}

const emptyWindow = (): UsageWindow => ({
  requests: 0,
  rateLimited: 0,
  byPurpose: Object.fromEntries(USAGE_PURPOSES.map((p) => [p, 0])) as Record<UsagePurpose, number>,
});

function addCounts(window: UsageWindow, fields: Record<string, string>) {
  for (const [field, raw] of Object.entries(fields)) {
    const n = Number(raw) || 0;
    if (field === "429") window.rateLimited += n;
    else if ((USAGE_PURPOSES as readonly string[]).includes(field)) {
      window.byPurpose[field as UsagePurpose] += n;
      window.requests += n;
    }
  }
}

export function createUsageLedger(options: { redis?: { url: string; prefix: string } }): UsageLedger {
  // Without Redis (a single process, tests of the client alone) the counts stay in memory.
  const local = new Map<string, Record<string, string>>();
  let client: Redis | undefined;
  const redis = () => {
    if (!options.redis) return undefined;
    if (!client) {
      client = new Redis(options.redis.url, {
        keyPrefix: `${options.redis.prefix}:`,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: true,
      });
      // Once per client: a listener per request was a leak (MaxListenersExceededWarning in the worker).
      client.on("error", () => undefined);
    }
    return client;
  };
  const keyOf = (connectorId: string, minute: number) => `goto-usage:${connectorId}:${minute}`;

  return {
    record(connectorId, purpose, status) {
      const key = keyOf(connectorId, Math.floor(Date.now() / MINUTE_MS));
      const r = redis();
      if (!r) {
        const fields = local.get(key) ?? {};
        fields[purpose] = String(Number(fields[purpose] ?? 0) + 1);
        if (status === 429) fields["429"] = String(Number(fields["429"] ?? 0) + 1);
        local.set(key, fields);
        return;
      }
      const multi = r.multi().hincrby(key, purpose, 1);
      if (status === 429) multi.hincrby(key, "429", 1);
      multi
        .expire(key, KEEP_SECONDS)
        .exec()
        .catch(() => undefined);
    },
    async read(connectorId, now = new Date()) {
      const current = Math.floor(now.getTime() / MINUTE_MS);
      const minutes = Array.from({ length: 24 * 60 }, (_, i) => current - i);
      const r = redis();
      let buckets: Record<string, string>[];
      if (r) {
        const pipeline = r.pipeline();
        for (const minute of minutes) pipeline.hgetall(keyOf(connectorId, minute));
        const replies = (await pipeline.exec()) ?? [];
        buckets = replies.map(([, value]) => (value ?? {}) as Record<string, string>);
      } else {
        buckets = minutes.map((minute) => local.get(keyOf(connectorId, minute)) ?? {});
      }
      const lastHour = emptyWindow();
      const lastDay = emptyWindow();
      buckets.forEach((fields, i) => {
        if (i < 60) addCounts(lastHour, fields);
        addCounts(lastDay, fields);
      });
      return { lastHour, lastDay };
    },
    async close() {
      client?.disconnect();
      client = undefined;
    },
  };
}

const processLedgers = new Map<string, UsageLedger>();

/** The ledger shared by everything in this process on this Redis. */
export function processUsageLedger(redis: { url: string; prefix: string } | undefined): UsageLedger {
  const key = JSON.stringify([redis?.url, redis?.prefix]);
  let ledger = processLedgers.get(key);
  if (!ledger) {
    ledger = createUsageLedger(redis ? { redis } : {});
    processLedgers.set(key, ledger);
  }
  return ledger;
}

export async function closeProcessUsageLedgers(): Promise<void> {
  const all = [...processLedgers.values()];
  processLedgers.clear();
  await Promise.all(all.map((ledger) => ledger.close()));
}
