import { SecretBox } from "@gw/domain/security";
import { type RunningSim, startSim } from "@gw/gotowebinar-sim";
import { createLogger } from "@gw/logger";
import { createAccount, createProspect, createVerifiedConnector, createWebinar, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import type { JobContext } from "../src/handlers/types";
import { startWorkerRuntime } from "../src/runtime";
import { createTestWorkerEnv, simGotoEnv, type TestWorkerEnv } from "./helpers";

// The push and sweep handlers on their own (no HTTP): claims, stale jobs, connector trouble, the
// retry window and the sweeper's recovery of a crashed worker's request.
let sim: RunningSim;
let env: TestWorkerEnv;
let accountId: string;
let connectorId: string;
let organizerKey: string;

beforeAll(async () => {
  sim = await startSim({ port: 0 });
  env = await createTestWorkerEnv("formspush", {
    ...simGotoEnv(sim.url, null),
  });
  accountId = (await createAccount(env.deps.db)).id;
  const { connector } = await createVerifiedConnector(env.deps.db, new SecretBox(env.config.secrets.keys), {
    accountId,
    sim,
  });
  connectorId = connector.id;
  organizerKey = connector.organizerKey!;
});
afterAll(async () => {
  await env?.close();
  await sim?.close();
});
beforeEach(async () => {
  await sim.control.clearFaults();
  await env.deps.db.connector.update({ where: { id: connectorId }, data: { status: "VERIFIED", lastError: null } });
});

const ctx = (): JobContext => ({
  deps: env.deps,
  log: createLogger({ name: "t", level: "silent", pretty: false }),
  jobId: "test",
  attempt: 1,
  signal: new AbortController().signal,
});

async function pendingRequest(overrides: { giveUpAt?: Date; attempts?: number; nextAttemptAt?: Date } = {}) {
  const scenario = await sim.control.scenario({ organizerKey, webinars: [{ startsInMinutes: 3 * 24 * 60 }] });
  const gotoWebinar = scenario.webinars[0]!;
  const webinar = await createWebinar(env.deps.db, {
    accountId,
    connectorId,
    webinarKey: gotoWebinar.webinarKey,
    startsAt: new Date(gotoWebinar.times[0]!.startTime),
    endsAt: new Date(gotoWebinar.times[0]!.endTime),
  });
  const prospect = await createProspect(env.deps.db, { accountId });
  const request = await env.deps.db.registrationRequest.create({
    data: {
      accountId,
      prospectId: prospect.id,
      webinarId: webinar.id,
      payload: {
        email: prospect.email,
        firstName: "Pat",
        lastName: "Doe",
        fields: { city: "Lyon" },
        responses: [],
        source: "Worker test",
      },
      giveUpAt: overrides.giveUpAt ?? new Date(Date.now() + 24 * 3_600_000),
      attempts: overrides.attempts ?? 0,
      nextAttemptAt: overrides.nextAttemptAt ?? new Date(),
    },
  });
  return { request, webinarKey: gotoWebinar.webinarKey, email: prospect.email };
}

describe("push-registration", () => {
  it("pushes once: a duplicate or stale job for the same attempt does nothing", async () => {
    const { request, webinarKey } = await pendingRequest();
    const first = await handlers["push-registration"]({ requestId: request.id, attempt: 0 }, ctx());
    expect(first).toMatchObject({ outcome: "succeeded", existing: false });
    const again = await handlers["push-registration"]({ requestId: request.id, attempt: 0 }, ctx());
    expect(again).toMatchObject({ outcome: "skipped" });
    const registrants = await sim.control.registrants(webinarKey);
    expect(registrants).toHaveLength(1);
    expect(registrants[0]!.fields).toMatchObject({ city: "Lyon", source: "Worker test" });
    const row = await env.deps.db.registrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, registrantKey: registrants[0]!.registrantKey });
  });

  it("keeps the request PENDING while its connector is in ERROR, and registers once it is verified again", async () => {
    const { request, webinarKey } = await pendingRequest();
    await env.deps.db.connector.update({
      where: { id: connectorId },
      data: { status: "ERROR", lastError: "refresh token revoked" },
    });
    const result = await handlers["push-registration"]({ requestId: request.id, attempt: 0 }, ctx());
    expect(result).toMatchObject({ outcome: "retry", attempt: 1 });
    const row = await env.deps.db.registrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.status).toBe("PENDING");
    expect(row.lastError).toMatch(/needs attention \(refresh token revoked\); re-verify it/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await env.deps.queues.registrations.getJob(`register-${request.id}-1`)).toBeDefined();
    expect(await sim.control.registrants(webinarKey)).toEqual([]);

    await env.deps.db.connector.update({ where: { id: connectorId }, data: { status: "VERIFIED", lastError: null } });
    expect(await handlers["push-registration"]({ requestId: request.id, attempt: 1 }, ctx())).toMatchObject({
      outcome: "succeeded",
    });
    expect(await sim.control.registrants(webinarKey)).toHaveLength(1);
  });

  it("fails a disabled connector's request at once", async () => {
    const { request } = await pendingRequest();
    await env.deps.db.connector.update({ where: { id: connectorId }, data: { status: "DISABLED" } });
    expect(await handlers["push-registration"]({ requestId: request.id, attempt: 0 }, ctx())).toMatchObject({
      outcome: "failed",
    });
    expect((await env.deps.db.registrationRequest.findUniqueOrThrow({ where: { id: request.id } })).lastError).toMatch(
      /connector ".*" is disabled/,
    );
  });

  it("gives up when GoTo stays unreachable past the request's retry window", async () => {
    const { request, webinarKey } = await pendingRequest({ giveUpAt: new Date(Date.now() + 1_000) });
    await sim.control.addFault({ method: "POST", path: "/registrants", type: "503", count: 20 });
    const result = await handlers["push-registration"]({ requestId: request.id, attempt: 0 }, ctx());
    expect(result).toMatchObject({ outcome: "failed" });
    const row = await env.deps.db.registrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(
      /^GoTo Webinar was unreachable for 24 hours; last error: GoTo Webinar could not be reached/,
    );
    expect(await sim.control.registrants(webinarKey)).toEqual([]);
  });
});

describe("push-registration lease", () => {
  const withLease = (leaseMs: number, signal = new AbortController().signal): JobContext => ({
    ...ctx(),
    deps: { ...env.deps, config: { ...env.config, registrations: { ...env.config.registrations, leaseMs } } },
    signal,
  });
  const leaseOf = async (id: string) =>
    (await env.deps.db.registrationRequest.findUniqueOrThrow({ where: { id } })).nextAttemptAt.getTime();

  it("holds a short lease and keeps extending it while GoTo is slow, so a dead worker's request moves on soon", async () => {
    const { request, webinarKey } = await pendingRequest();
    await sim.control.addFault({ method: "POST", path: "/registrants", type: "slow", delayMs: 3_000 });
    const claimedAt = Date.now();
    const push = handlers["push-registration"]({ requestId: request.id, attempt: 0 }, withLease(1_200));
    await waitUntil(
      "the claim",
      async () =>
        (await env.deps.db.registrationRequest.findUniqueOrThrow({ where: { id: request.id } })).attempts === 1,
    );
    expect(await leaseOf(request.id)).toBeLessThanOrEqual(claimedAt + 5_000); // short, not minutes
    // Past the first lease's end the call still runs, and the lease is still ahead.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await leaseOf(request.id)).toBeGreaterThan(Date.now());
    expect(await push).toMatchObject({ outcome: "succeeded" });
    expect(await sim.control.registrants(webinarKey)).toHaveLength(1);
  });

  it("releases the lease at once when the worker shuts down mid-call (its signal aborts)", async () => {
    const { request } = await pendingRequest();
    await sim.control.addFault({ method: "POST", path: "/registrants", type: "slow", delayMs: 3_000 });
    const shutdown = new AbortController();
    const push = handlers["push-registration"](
      { requestId: request.id, attempt: 0 },
      withLease(60_000, shutdown.signal),
    );
    await waitUntil("the claim", async () => (await leaseOf(request.id)) > Date.now() + 30_000);
    shutdown.abort();
    await waitUntil("the lease released", async () => (await leaseOf(request.id)) <= Date.now());
    await push;
  });
});

describe("sweep-registrations", () => {
  it("re-enqueues a request whose worker died mid-call (lease ran out), leaving ones just queued alone", async () => {
    const { request: crashed } = await pendingRequest({ attempts: 1, nextAttemptAt: new Date(Date.now() - 60_000) });
    const { request: fresh } = await pendingRequest({ nextAttemptAt: new Date() });
    const result = await handlers["sweep-registrations"]({}, ctx());
    expect(result).toMatchObject({ enqueued: 1 });
    const job = await env.deps.queues.registrations.getJob(`register-${crashed.id}-1`);
    expect(job?.data.payload).toEqual({ requestId: crashed.id, attempt: 1 });
    expect(await env.deps.queues.registrations.getJob(`register-${fresh.id}-0`)).toBeUndefined();
    await env.deps.queues.registrations.obliterate({ force: true });
  });

  it("is registered as a BullMQ job scheduler by the worker runtime", async () => {
    const runtime = await startWorkerRuntime(env.deps, handlers, { queues: ["registrations"] });
    try {
      const schedulers = await env.deps.queues.registrations.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toContain("sweep-registrations");
      expect(schedulers.find((s) => s.key === "sweep-registrations")?.every).toBe(
        env.config.registrations.sweepEveryMs,
      );
    } finally {
      await runtime.close();
    }
  });
});
