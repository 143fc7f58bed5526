import type { RequestLimiter, RequestPriority } from "@gw/gotowebinar";
import { recordLimiterWait } from "@gw/metrics";
import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import { closeProcessUsageLedgers } from "./goto-usage";

/**
 * GoTo's request budget, one per OAuth client (GoTo counts 10 requests/s per client, and the
 * connectors without a client of their own share the service's). `get` hands out the budget's
 * limiter at a priority: urgent work (form registrations, an admin's action) is started before
 * normal work (polls of upcoming and live webinars) before background work (backfills,
 * discovery), however long the queue.
 */
export interface LimiterRegistry {
  get(budgetKey: string, priority?: RequestPriority): RequestLimiter;
  close(): Promise<void>;
}

export interface LimiterRegistryOptions {
  /** GoTo's limit for one OAuth client. */
  perSecond: number;
  /** Share of the limit kept unused, for clock and network jitter. Default 0.1. */
  safetyMargin?: number;
  /** Requests in flight at once per budget. Default 10. */
  maxConcurrent?: number;
  /**
   * Shares each budget with every process on this Redis (workers and API): starts are spaced
   * in Redis, by Redis's clock. Without it the budget is this process's alone.
   */
  redis?: { url: string; prefix: string };
  /**
   * A request running longer than this no longer counts against the budget's concurrency (so a
   * crashed process cannot hold slots forever). Above the GoTo client's request timeout.
   */
  slotExpiryMs?: number;
}

/** Bottleneck's priorities: 0 is served first; its default is 5. */
const PRIORITY: Record<RequestPriority, number> = { urgent: 1, normal: 5, background: 8 };

/** Minimum spacing between two starts, with the safety margin taken off the rate. */
export function budgetSpacingMs(perSecond: number, safetyMargin = 0.1): number {
  if (!(perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${perSecond}`);
  if (!(safetyMargin >= 0 && safetyMargin < 1)) throw new RangeError(`safetyMargin must be in [0, 1)`);
  return Math.ceil(1000 / (perSecond * (1 - safetyMargin)));
}

// Pushes the budget's next start forward, as Bottleneck's own BLOCK penalty does: every process
// computes its waits from this field (Bottleneck 2 datastore layout, version pinned).
const BACK_OFF_LUA = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local resume = now + tonumber(ARGV[1])
local next = tonumber(redis.call('hget', KEYS[1], 'nextRequest')) or 0
if resume > next then redis.call('hset', KEYS[1], 'nextRequest', resume) end
return resume`;

export function createLimiterRegistry(options: LimiterRegistryOptions): LimiterRegistry {
  const minTime = budgetSpacingMs(options.perSecond, options.safetyMargin);
  const maxConcurrent = options.maxConcurrent ?? 10;
  const expiration = options.slotExpiryMs ?? 60_000;
  const budgets = new Map<string, Bottleneck>();
  const limiters = new Map<string, RequestLimiter>();
  let connection: Bottleneck.IORedisConnection | undefined;
  let client: Redis | undefined;

  const budget = (key: string): Bottleneck => {
    let bottleneck = budgets.get(key);
    if (bottleneck) return bottleneck;
    if (options.redis) {
      // keyPrefix keeps every key of the budget under the install's prefix (REDIS_PREFIX).
      client ??= new Redis(options.redis.url, { maxRetriesPerRequest: null, keyPrefix: `${options.redis.prefix}:` });
      connection ??= redis7Compatible(new Bottleneck.IORedisConnection({ client, Redis }));
      bottleneck = new Bottleneck({
        id: budgetId(options.redis.prefix, key),
        datastore: "ioredis",
        connection,
        clearDatastore: false,
        maxConcurrent,
        minTime,
      });
      // Settings live in Redis; whoever starts last with other settings makes them current.
      Promise.resolve(bottleneck.updateSettings({ maxConcurrent, minTime })).catch(() => undefined);
    } else {
      bottleneck = new Bottleneck({ maxConcurrent, minTime });
    }
    bottleneck.on("error", () => undefined);
    budgets.set(key, bottleneck);
    return bottleneck;
  };

  const backOff = (key: string, delayMs: number) => {
    const wait = Math.max(0, Math.round(delayMs));
    if (options.redis && client) {
      const settingsKey = `b_${budgetId(options.redis.prefix, key)}_settings`;
      client.eval(BACK_OFF_LUA, 1, settingsKey, wait).catch(() => undefined);
      return;
    }
    // In-process: hold the queue by parking one slot-holder for the delay.
    const local = budget(key);
    void local.schedule({ priority: 0, weight: maxConcurrent }, () => sleep(wait)).catch(() => undefined);
  };

  return {
    get(key, priority = "urgent") {
      const id = `${priority}\u0000${key}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        const jobOptions = { priority: PRIORITY[priority], expiration };
        limiter = {
          schedule: (fn) => {
            const queuedAt = performance.now();
            return budget(key).schedule(jobOptions, () => {
              recordLimiterWait(priority, performance.now() - queuedAt);
              return fn();
            });
          },
          backOff: (delayMs) => backOff(key, delayMs),
        };
        limiters.set(id, limiter);
      }
      return limiter;
    },
    async close() {
      const all = [...budgets.values()];
      budgets.clear();
      limiters.clear();
      // Flushing lets the commands Bottleneck already sent (a heartbeat, a settings update) be
      // answered before the connection goes: cut off, ioredis rejects them with "Connection is
      // closed" where nobody listens. Bounded, for a Redis that is already gone.
      const settle = (closing: unknown) =>
        Promise.race([Promise.resolve(closing).catch(() => undefined), sleep(1000)]).catch(() => undefined);
      await Promise.all(all.map((b) => settle(b.disconnect(true))));
      if (connection) await settle(connection.disconnect(true));
      client?.disconnect();
      connection = undefined;
      client = undefined;
    },
  };
}

/**
 * Redis 7 reports a script's error_reply as "ERR <code>"; Bottleneck 2 (written for earlier
 * Redis) recognises its own codes only bare, and would otherwise never re-create a budget whose
 * keys were flushed (SETTINGS_KEY_NOT_FOUND) or re-register a process that missed heartbeats
 * (UNKNOWN_CLIENT): every later request of that budget would fail.
 */
function redis7Compatible(connection: Bottleneck.IORedisConnection): Bottleneck.IORedisConnection {
  type ScriptArgs = (
    name: string,
    id: string,
    args: unknown[],
    cb: (err: Error | null, r: unknown) => void,
  ) => unknown[];
  const internals = connection as unknown as { __scriptArgs__: ScriptArgs };
  const original = internals.__scriptArgs__.bind(connection);
  internals.__scriptArgs__ = (name, id, args, cb) =>
    original(name, id, args, (err, replies) => {
      if (err) err.message = err.message.replace(/^ERR (SETTINGS_KEY_NOT_FOUND|UNKNOWN_CLIENT)\b.*$/s, "$1");
      cb(err, replies);
    });
  return connection;
}

function budgetId(prefix: string, key: string): string {
  return `${prefix}:goto-budget:${key}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const processRegistries = new Map<string, LimiterRegistry>();

/** The registry shared by everything in this process that talks to GoTo with these settings. */
export function processLimiterRegistry(options: LimiterRegistryOptions): LimiterRegistry {
  const key = JSON.stringify([options.perSecond, options.safetyMargin, options.redis?.url, options.redis?.prefix]);
  let registry = processRegistries.get(key);
  if (!registry) {
    registry = createLimiterRegistry(options);
    processRegistries.set(key, registry);
  }
  return registry;
}

/** Closes the process's registries' (and usage counts') Redis connections (at shutdown). */
export async function closeProcessLimiterRegistries(): Promise<void> {
  const all = [...processRegistries.values()];
  processRegistries.clear();
  await Promise.all([...all.map((registry) => registry.close()), closeProcessUsageLedgers()]);
}
