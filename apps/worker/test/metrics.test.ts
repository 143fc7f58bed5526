import { type RunningSim, startSim } from "@gw/gotowebinar-sim";
import { hasSample, sumSamples, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import { type MetricsServer, startMetricsServer } from "../src/metrics-server";
import { startWorkerRuntime, type WorkerRuntime } from "../src/runtime";
import { createSimConnector, createTestWorkerEnv, simGotoEnv, type TestWorkerEnv } from "./helpers";

const TOKEN = "worker-metrics-token-0123456789";
let sim: RunningSim;
let env: TestWorkerEnv;
let runtime: WorkerRuntime | undefined;
let metrics: MetricsServer | undefined;

beforeAll(async () => {
  // The worker's budget stays under the stand-in's limit: the 429s the outcome label must show
  // are injected ones, a few (see below). Provoked by a budget far over the limit they were a
  // lottery: some job lost all its attempts to them and its webinar was put off for 10 minutes.
  sim = await startSim({ port: 0, seed: 16 });
  env = await createTestWorkerEnv("metrics", {
    ...simGotoEnv(sim.url, null),
    DISPATCH_EVERY_MS: "1000",
    WORKER_CONCURRENCY: "4",
    METRICS_TOKEN: TOKEN,
    METRICS_PORT: "0",
    HOST: "127.0.0.1",
  });
  metrics = await startMetricsServer(env.deps);
}, 60_000);

afterAll(async () => {
  await runtime?.close();
  await metrics?.close();
  await env?.deps.queues.scheduler.removeJobScheduler("dispatch").catch(() => undefined);
  await env?.close();
  await sim?.close();
});

const scrape = async (token = TOKEN) => {
  const res = await fetch(`http://127.0.0.1:${metrics?.port}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};

describe("worker /metrics", () => {
  it("answers only the bearer token", async () => {
    expect((await scrape("")).status).toBe(401);
    expect((await scrape("wrong-token-wrong-token")).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.text).toContain("# TYPE gw_goto_requests_total counter");
    expect(ok.text).toContain("process_cpu_user_seconds_total");
  });

  it("moves GoTo request, limiter, job, queue and lag series after a real sync", async () => {
    const before = (await scrape()).text;
    const { accountId, connectorId, organizerKey } = await createSimConnector(
      env,
      sim,
      Array.from({ length: 6 }, (_, i) => ({
        startsInMinutes: -(i + 1) * 24 * 60,
        registrants: 5,
        attendanceRatio: 0.5,
      })),
    );
    // Before any worker runs, the connector's backlog is visible: its discovery is due, and the
    // gauge exists for it (0 until webinars are known and due).
    const idle = (await scrape()).text;
    expect(hasSample(idle, "gw_sync_lag_seconds", { connector_id: connectorId })).toBe(true);
    expect(hasSample(idle, "gw_queue_jobs", { queue: "sync", state: "waiting" })).toBe(true);
    expect(hasSample(idle, "gw_registration_outbox_age_seconds")).toBe(true);
    expect(sumSamples(idle, "gw_registration_outbox_age_seconds")).toBe(0);

    // Fewer than the GoTo client's attempts per request (1 + 4 retries): every request gets
    // through in the end, so no job fails for them, whichever requests they hit.
    await sim.control.addFault({ method: "GET", path: "/registrants", type: "429", count: 3 });
    runtime = await startWorkerRuntime(env.deps, handlers, { queues: ["scheduler", "sync"] });
    await waitUntil(
      "every webinar synced",
      async () =>
        (await env.deps.db.webinar.count({ where: { connectorId: connectorId, lastPolledAt: { not: null } } })) === 6,
      { timeoutMs: 120_000, everyMs: 200 },
    );
    const after = (await scrape()).text;

    const registrants = "/organizers/{key}/webinars/{key}/registrants";
    const gained = (name: string, labels: Record<string, string> = {}) =>
      sumSamples(after, name, labels) - sumSamples(before, name, labels);
    expect(gained("gw_goto_requests_total", { endpoint: registrants, outcome: "2xx" })).toBeGreaterThanOrEqual(6);
    expect(gained("gw_goto_requests_total", { outcome: "429" })).toBeGreaterThan(0);
    expect(gained("gw_goto_request_duration_seconds_count", { endpoint: registrants })).toBeGreaterThanOrEqual(6);
    expect(gained("gw_goto_limiter_wait_seconds_count")).toBeGreaterThanOrEqual(gained("gw_goto_requests_total"));
    expect(
      gained("gw_job_duration_seconds_count", { job: "sync-webinar", outcome: "completed" }),
    ).toBeGreaterThanOrEqual(6);
    expect(gained("gw_job_duration_seconds_count", { job: "backfill-connector" })).toBeGreaterThanOrEqual(1);
    // No raw key ever becomes a label value.
    expect(after).not.toContain(organizerKey);

    // With the worker stopped, a webinar overdue by two minutes and a webhook event waiting for
    // one show as lag of that connector.
    await runtime.close();
    runtime = undefined;
    const webinar = await env.deps.db.webinar.findFirstOrThrow({ where: { connectorId: connectorId } });
    await env.deps.db.webinar.update({
      where: { id: webinar.id },
      data: { nextPollAt: new Date(Date.now() - 120_000) },
    });
    await env.deps.db.webhookEvent.create({
      data: {
        accountId,
        connectorId: connectorId,
        eventKey: `metrics-${connectorId}`,
        eventName: "registrant.added",
        payload: {},
        receivedAt: new Date(Date.now() - 60_000),
      },
    });
    const behind = (await scrape()).text;
    expect(sumSamples(behind, "gw_sync_lag_seconds", { connector_id: connectorId })).toBeGreaterThanOrEqual(120);
    expect(sumSamples(behind, "gw_webhook_lag_seconds", { connector_id: connectorId })).toBeGreaterThanOrEqual(60);
  }, 180_000);
});
