import { createTestRedis, type TestRedis } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetSpacingMs, createLimiterRegistry, type LimiterRegistry } from "../src/connectors/index";

let redis: TestRedis;
const registries: LimiterRegistry[] = [];
/** Each registry stands for one process: its own Redis connections, the same Redis. */
const processLike = (options: { perSecond: number; maxConcurrent?: number }) => {
  const registry = createLimiterRegistry({
    ...options,
    safetyMargin: 0,
    redis: { url: redis.url, prefix: redis.prefix },
  });
  registries.push(registry);
  return registry;
};

beforeAll(async () => {
  redis = await createTestRedis("budget");
});
afterAll(async () => {
  await Promise.all(registries.map((r) => r.close()));
  await redis?.cleanup();
});

describe("the GoTo request budget shared through Redis", () => {
  it("spaces starts across processes as one budget", async () => {
    const [a, b, c] = [processLike({ perSecond: 20 }), processLike({ perSecond: 20 }), processLike({ perSecond: 20 })];
    const starts: number[] = [];
    const call = () => {
      starts.push(performance.now());
      return Promise.resolve();
    };
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => [a, b, c][i % 3]!.get("client:spacing", "normal").schedule(call)),
    );
    starts.sort((x, y) => x - y);
    // 30 starts at 20/s take 29 gaps of 50 ms (1,450 ms), whichever process ran them; three
    // separate per-process budgets would do it in a third of that (~480 ms). The bound sits
    // between the two: a start is observed after its Redis round trip, which on a loaded machine
    // shifts single starts by tens of milliseconds either way.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(29 * 50 * 0.6);
  });

  it("keeps separate budgets for separate OAuth clients", async () => {
    const a = processLike({ perSecond: 2 });
    const first = a.get("client:one").schedule(() => Promise.resolve("one"));
    const other = a.get("client:two").schedule(() => Promise.resolve("two"));
    expect(await Promise.all([first, other])).toEqual(["one", "two"]);
  });

  it("holds back every process's requests after a 429", async () => {
    const [a, b] = [processLike({ perSecond: 50 }), processLike({ perSecond: 50 })];
    await a.get("client:backoff").schedule(() => Promise.resolve());
    const started = performance.now();
    a.get("client:backoff").backOff?.(1500);
    // The back-off is written to Redis before the other process asks for a slot.
    await new Promise((resolve) => setImmediate(resolve));
    await redis.redis.ping();
    await b.get("client:backoff").schedule(() => Promise.resolve());
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it("starts urgent requests before a backlog of background ones", async () => {
    const worker = processLike({ perSecond: 20, maxConcurrent: 1 });
    const api = processLike({ perSecond: 20, maxConcurrent: 1 });
    const order: string[] = [];
    const backlog = Array.from({ length: 20 }, (_, i) =>
      worker.get("client:priority", "background").schedule(async () => {
        order.push(`poll ${i}`);
      }),
    );
    const apiBacklog = Array.from({ length: 5 }, (_, i) =>
      api.get("client:priority", "background").schedule(async () => {
        order.push(`api poll ${i}`);
      }),
    );
    while (order.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    // Measured from the moment it is queued: a loaded machine may run a few more polls before
    // this line than the loop above waited for.
    const queuedAt = order.length;
    const registration = api.get("client:priority", "urgent").schedule(async () => {
      order.push("registration");
    });
    await Promise.all([...backlog, ...apiBacklog, registration]);
    const before = order.indexOf("registration");
    // It waits only for the slots Redis had already granted when it was queued (a few per
    // process, each granted slot already timed), never for the backlog of 20 queued before it:
    // at 20 requests/s six slots are 300 ms.
    expect(before, order.join(", ")).toBeGreaterThanOrEqual(queuedAt);
    expect(before - queuedAt, `queued after ${queuedAt}: ${order.join(", ")}`).toBeLessThanOrEqual(6);
  });

  it("rebuilds a budget whose keys were flushed from Redis", async () => {
    const a = processLike({ perSecond: 50 });
    expect(await a.get("client:flushed").schedule(() => Promise.resolve("before"))).toBe("before");
    const keys = await redis.redis.keys(`${redis.prefix}:*goto-budget:client:flushed*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.redis.del(...keys);
    expect(await a.get("client:flushed").schedule(() => Promise.resolve("after"))).toBe("after");
  });

  it("takes the safety margin off GoTo's limit", () => {
    expect(budgetSpacingMs(10, 0)).toBe(100);
    expect(budgetSpacingMs(10, 0.1)).toBe(112);
    expect(() => budgetSpacingMs(0)).toThrow(RangeError);
  });
});
