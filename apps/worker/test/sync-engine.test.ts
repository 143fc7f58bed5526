import { type RunningSim, startSim } from "@gw/gotowebinar-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import { startWorkerRuntime, type WorkerRuntime } from "../src/runtime";
import { createSimConnector, createTestWorkerEnv, simGotoEnv, type TestWorkerEnv } from "./helpers";

const MINUTE = 60_000;

let sim: RunningSim;
let env: TestWorkerEnv;
const runtimes: WorkerRuntime[] = [];

beforeAll(async () => {
  sim = await startSim({ port: 0, rateLimitPerSecond: 0 });
  env = await createTestWorkerEnv("syncengine", {
    ...simGotoEnv(sim.url),
    DISPATCH_EVERY_MS: "1000",
    WORKER_CONCURRENCY: "2",
  });
});
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
});
afterAll(async () => {
  await env?.deps.queues.scheduler.removeJobScheduler("dispatch").catch(() => undefined);
  await env?.close();
  await sim?.close();
});

async function start(): Promise<WorkerRuntime> {
  const runtime = await startWorkerRuntime(env.deps, handlers, { queues: ["scheduler", "sync"] });
  runtimes.push(runtime);
  return runtime;
}
async function stop(runtime: WorkerRuntime) {
  await runtime.close();
  runtimes.splice(runtimes.indexOf(runtime), 1);
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A verified connector (discovery and backfill due now) whose organizer has these webinars. */
function connectorWith(
  webinars: Parameters<RunningSim["control"]["scenario"]>[0]["webinars"],
  data: { status?: "VERIFIED" | "ERROR" } = {},
) {
  return createSimConnector(env, sim, webinars, data);
}

const syncedCount = (connectorId: string) =>
  env.deps.db.webinar.count({ where: { connectorId, lastPolledAt: { not: null } } });

/** Deletes every key under this test's prefix: what a flushed Redis looks like to us. */
async function flushRedis() {
  let cursor = "0";
  do {
    const [next, keys] = await env.redis.redis.scan(cursor, "MATCH", `${env.redis.prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await env.redis.redis.del(...keys);
  } while (cursor !== "0");
}

describe("sync engine through the worker runtime", () => {
  it("syncs a fresh connector end to end: backfill, past webinars with attendance, upcoming ones polled by distance", async () => {
    const { accountId, connectorId } = await connectorWith([
      { startsInMinutes: -3 * 24 * 60, registrants: 10, attendanceRatio: 0.5 },
      { startsInMinutes: -20 * 24 * 60, registrants: 10, attendanceRatio: 0.5 },
      { startsInMinutes: 28 * 24 * 60, registrants: 5 },
      { startsInMinutes: 2 * 24 * 60, registrants: 5 },
    ]);
    await start();
    await waitFor("every webinar is synced", async () => (await syncedCount(connectorId)) === 4);

    const connector = await env.deps.db.connector.findUniqueOrThrow({ where: { id: connectorId } });
    expect(connector.backfilledAt).not.toBeNull();
    expect(connector.backfillDueAt).toBeNull();
    expect(connector.nextDiscoveryAt!.getTime()).toBeGreaterThan(Date.now() + 9 * MINUTE);
    expect(await env.deps.db.webinarRegistration.count({ where: { accountId } })).toBe(30);
    const attended = await env.deps.db.webinarRegistration.count({ where: { accountId, attended: true } });
    expect(attended).toBeGreaterThan(0);
    expect(await env.deps.db.activity.count({ where: { accountId, type: "ATTENDED" } })).toBe(attended);

    const webinars = await env.deps.db.webinar.findMany({ where: { connectorId }, orderBy: { startsAt: "asc" } });
    expect(webinars.map((w) => w.status)).toEqual(["ENDED", "ENDED", "SCHEDULED", "SCHEDULED"]);
    expect(webinars.slice(0, 2).every((w) => w.attendanceFinalAt !== null && w.nextAttendanceSyncAt === null)).toBe(
      true,
    );
    const [, , soon, far] = webinars;
    expect(soon!.nextPollAt!.getTime() - soon!.lastPolledAt!.getTime()).toBe(10 * MINUTE);
    expect(far!.nextPollAt!.getTime() - far!.lastPolledAt!.getTime()).toBe(120 * MINUTE);

    const runs = await env.deps.db.syncRun.findMany({ where: { connectorId } });
    expect(runs.map((r) => r.kind).sort()).toEqual([
      "ATTENDANCE",
      "ATTENDANCE",
      "BACKFILL",
      "REGISTRANTS",
      "REGISTRANTS",
    ]);
    expect(runs.every((r) => r.status === "SUCCEEDED" && r.apiRequests > 0 && r.durationMs !== null)).toBe(true);
  });

  it("recovers everything from Postgres after Redis is flushed half-way", async () => {
    const { connectorId } = await connectorWith(
      Array.from({ length: 8 }, (_, i) => ({
        startsInMinutes: -(i + 2) * 24 * 60,
        registrants: 5,
        attendanceRatio: 0.5,
      })),
    );
    const first = await start();
    await waitFor(
      "the backfill ran",
      async () => (await env.deps.db.connector.findUniqueOrThrow({ where: { id: connectorId } })).backfilledAt !== null,
    );
    await stop(first);
    await flushRedis();
    expect(await env.deps.queues.sync.count()).toBe(0);
    expect(await syncedCount(connectorId)).toBeLessThan(8);

    await start();
    await waitFor("every webinar is synced", async () => (await syncedCount(connectorId)) === 8);
    // Each webinar synced once: nothing lost, nothing done twice.
    const runs = await env.deps.db.syncRun.groupBy({
      by: ["webinarId"],
      where: { connectorId, kind: "ATTENDANCE" },
      _count: true,
    });
    expect(runs).toHaveLength(8);
    expect(runs.every((r) => r._count === 1)).toBe(true);
  });

  it("adds throughput, not duplicates, with two worker runtimes at once", async () => {
    const { accountId, connectorId } = await connectorWith(
      Array.from({ length: 12 }, (_, i) => ({
        startsInMinutes: -(i + 2) * 24 * 60,
        registrants: 6,
        attendanceRatio: 0.5,
      })),
    );
    await Promise.all([start(), start()]);
    await waitFor("every webinar is synced", async () => (await syncedCount(connectorId)) === 12);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // two more dispatcher ticks
    const runs = await env.deps.db.syncRun.findMany({ where: { connectorId } });
    expect(runs.filter((r) => r.kind === "BACKFILL")).toHaveLength(1);
    expect(runs.filter((r) => r.kind === "ATTENDANCE")).toHaveLength(12);
    expect(new Set(runs.map((r) => r.webinarId)).size).toBe(13); // 12 webinars + the connector-wide backfill
    expect(await env.deps.db.webinarRegistration.count({ where: { accountId } })).toBe(72);
    expect(await env.deps.db.prospect.count({ where: { accountId } })).toBe(72);
    const attended = await env.deps.db.webinarRegistration.count({ where: { accountId, attended: true } });
    const points = await env.deps.db.prospect.aggregate({ where: { accountId }, _sum: { score: true } });
    // Every activity's points counted once: registered + accepted (15), attended (25), engagement (polls, questions).
    const earned = await env.deps.db.activity.aggregate({ where: { accountId }, _sum: { points: true } });
    expect(points._sum.score).toBe(earned._sum.points);
    expect(await env.deps.db.activity.count({ where: { accountId, type: "ATTENDED" } })).toBe(attended);
    expect(points._sum.score).toBeGreaterThanOrEqual(72 * 15 + attended * 25);
  });

  it("skips a connector in ERROR and fails at once, without retries, when GoTo revoked its tokens", async () => {
    const broken = await connectorWith([{ startsInMinutes: -2 * 24 * 60, registrants: 2 }], { status: "ERROR" });
    const revoked = await connectorWith([{ startsInMinutes: -2 * 24 * 60, registrants: 2 }]);
    await env.deps.db.connector.update({
      where: { id: revoked.connectorId },
      data: { accessTokenExpiresAt: new Date(Date.now() - MINUTE) },
    });
    await sim.control.revokeTokens({ organizerKey: revoked.organizerKey, accessTokens: true });
    await start();
    await waitFor(
      "the revoked connector is in ERROR",
      async () =>
        (await env.deps.db.connector.findUniqueOrThrow({ where: { id: revoked.connectorId } })).status === "ERROR",
    );
    await waitFor(
      "its backfill run is recorded as failed",
      async () =>
        (await env.deps.db.syncRun.count({ where: { connectorId: revoked.connectorId, status: "FAILED" } })) === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const runs = await env.deps.db.syncRun.findMany({ where: { connectorId: revoked.connectorId } });
    expect(runs).toMatchObject([{ kind: "BACKFILL", status: "FAILED", error: expect.stringMatching(/./) }]);
    expect(await env.deps.db.syncRun.count({ where: { connectorId: broken.connectorId } })).toBe(0);
    expect(
      await env.deps.db.webinar.count({ where: { connectorId: { in: [broken.connectorId, revoked.connectorId] } } }),
    ).toBe(0);
  });
});
