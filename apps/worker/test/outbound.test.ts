import { type Db, pgQuery } from "@gw/db";
import { createEndpoint } from "@gw/domain/outbound";
import { recordActivities } from "@gw/domain/scoring";
import {
  createAccount,
  createConnector,
  createProspect,
  createWebinar,
  startWebhookReceiver,
  type WebhookReceiver,
  waitUntil,
} from "@gw/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import { startWorkerRuntime, type WorkerRuntime } from "../src/runtime";
import { createTestWorkerEnv, type TestWorkerEnv } from "./helpers";

let env: TestWorkerEnv;
let runtime: WorkerRuntime;
let receiver: WebhookReceiver;
let secret = "";

beforeAll(async () => {
  env = await createTestWorkerEnv("outbound", {
    OUTBOUND_ALLOW_PRIVATE_URLS: "true",
    OUTBOUND_FAN_OUT_EVERY_MS: "200",
    OUTBOUND_SWEEP_EVERY_MS: "300",
    OUTBOUND_RETRY_BASE_MS: "50",
    OUTBOUND_RETRY_MAX_MS: "200",
  });
  receiver = await startWebhookReceiver(() => secret);
  runtime = await startWorkerRuntime(env.deps, handlers, { queues: ["outbound"], reassertSchedulersEveryMs: 300 });
});
afterAll(async () => {
  await runtime?.close();
  await receiver?.close();
  await env?.close();
});
afterEach(() => {
  receiver.failAll(false);
  receiver.failNext(0);
  receiver.delayMs = 0;
});

const points = { REGISTERED: 0, ACCEPTED: 0, ATTENDED: 0, CANCELLED: 0 } as never;

async function accountWithEndpoint(eventTypes: string[] = []) {
  const account = await createAccount(env.deps.db);
  const created = await createEndpoint({
    db: env.deps.db,
    secretBox: env.deps.secretBox,
    allowPrivateUrls: true,
    accountId: account.id,
    input: { url: receiver.url, eventTypes },
  });
  secret = created.secret;
  const connector = await createConnector(env.deps.db, { accountId: account.id });
  const webinar = await createWebinar(env.deps.db, { accountId: account.id, connectorId: connector.id });
  return { account, endpoint: created, webinar };
}

/** One transaction per registration, as syncs and forms write them. */
async function register(db: Db, accountId: string, webinarId: string, count: number) {
  const prospects = [];
  for (let i = 0; i < count; i++) {
    const prospect = await createProspect(db, { accountId });
    await recordActivities({
      db,
      accountId,
      points,
      activities: [{ prospectId: prospect.id, webinarId, type: "REGISTERED", occurredAt: new Date() }],
    });
    prospects.push(prospect);
  }
  return prospects;
}

async function logOrder(endpointId: string) {
  const rows = await pgQuery<{ event_id: string }>(
    env.deps.db,
    `SELECT "eventId" AS event_id FROM "OutboundDelivery" WHERE "endpointId" = $1 ORDER BY id`,
    [endpointId],
  );
  return rows.map((row) => row.event_id);
}

describe("outbound events", () => {
  it("delivers signed events in order of occurrence, retrying a failing receiver with the same event id", async () => {
    const { account, endpoint, webinar } = await accountWithEndpoint();
    receiver.failNext(3);
    const start = receiver.received.length;
    const prospects = await register(env.deps.db, account.id, webinar.id, 20);
    await receiver.waitFor(() => receiver.received.length - start >= 20);
    const mine = receiver.received.slice(start);
    expect(receiver.rejected).toBe(0);
    expect(receiver.failed).toBeGreaterThanOrEqual(3);
    // In order, each once: the failing head held the others back until it got through.
    expect(mine.map((event) => event.id)).toEqual(await logOrder(endpoint.id));
    expect(mine.map((event) => (event.payload.data.prospect as { id: string }).id)).toEqual(prospects.map((p) => p.id));
    expect(mine[0]?.payload).toMatchObject({
      type: "participation.registered",
      data: { type: "participation.registered", webinar: { id: webinar.id }, prospect: { email: prospects[0]!.email } },
    });
    await waitUntil(
      "all 20 delivered",
      async () =>
        (await env.deps.db.outboundDelivery.count({ where: { endpointId: endpoint.id, status: "DELIVERED" } })) === 20,
      { timeoutMs: 30_000, everyMs: 50 },
    );
    const first = await env.deps.db.outboundDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      orderBy: { id: "asc" },
    });
    expect(first).toMatchObject({ status: "DELIVERED", attempts: 4, lastStatusCode: 204 });
    expect(first.lastLatencyMs).not.toBeNull();
  });

  it("sends only the event types an endpoint asked for", async () => {
    const { account, endpoint, webinar } = await accountWithEndpoint(["participation.attended"]);
    const [prospect] = await register(env.deps.db, account.id, webinar.id, 1);
    await recordActivities({
      db: env.deps.db,
      accountId: account.id,
      points,
      activities: [
        {
          prospectId: prospect!.id,
          webinarId: webinar.id,
          type: "ATTENDED",
          occurredAt: new Date(),
          details: { attendanceSeconds: 1800 },
        },
      ],
    });
    await receiver.waitFor(() =>
      receiver.received.some((e) => (e.payload.data.prospect as { id: string })?.id === prospect!.id),
    );
    const mine = receiver.received.filter((e) => (e.payload.data.prospect as { id: string })?.id === prospect!.id);
    expect(mine.map((e) => [e.type, e.payload.data.minutes])).toEqual([["participation.attended", 30]]);
    expect(await env.deps.db.outboundDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });

  it("loses nothing when Redis is flushed in the middle of delivering", async () => {
    const { account, endpoint, webinar } = await accountWithEndpoint();
    receiver.delayMs = 15;
    const start = receiver.received.length;
    await register(env.deps.db, account.id, webinar.id, 40);
    await receiver.waitFor(() => receiver.received.length - start >= 3);
    // Every key of this test's prefix: queued jobs, delayed retries, job schedulers.
    await env.redis.flush();
    await receiver.waitFor(() => new Set(receiver.received.slice(start).map((e) => e.id)).size >= 40, 90_000);
    const delivered = new Set(receiver.received.slice(start).map((e) => e.id));
    expect([...delivered].sort()).toEqual((await logOrder(endpoint.id)).sort());
    // Successes are recorded a batch at a time, just after the receiver answered.
    await waitUntil(
      "nothing left undelivered",
      async () =>
        (await env.deps.db.outboundDelivery.count({
          where: { endpointId: endpoint.id, status: { not: "DELIVERED" } },
        })) === 0,
      { timeoutMs: 30_000, everyMs: 50 },
    );
  });

  it("gives up on an event after its retry window and disables an endpoint failing for days, with a notice", async () => {
    const { account, endpoint, webinar } = await accountWithEndpoint();
    receiver.failAll(true);
    await register(env.deps.db, account.id, webinar.id, 1);
    await waitUntil(
      "a failed attempt recorded",
      async () =>
        (await env.deps.db.outboundDelivery.count({ where: { endpointId: endpoint.id, attempts: { gte: 1 } } })) > 0,
      { timeoutMs: 30_000, everyMs: 50 },
    );
    // As if the first failure was four days ago.
    await env.deps.db.outboundEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 4 * 86_400_000) },
    });
    await waitUntil(
      "the endpoint disabled",
      async () => !(await env.deps.db.outboundEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled,
      { timeoutMs: 30_000, everyMs: 50 },
    );
    const disabled = await env.deps.db.outboundEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.disabledReason).toMatch(/every delivery failed since .* \(last: HTTP 500/);
    // A delivery past its window is FAILED, and the next goes.
    receiver.failAll(false);
    await env.deps.db.outboundEndpoint.update({
      where: { id: endpoint.id },
      data: { enabled: true, failingSince: null },
    });
    await env.deps.db.outboundDelivery.updateMany({
      where: { endpointId: endpoint.id },
      data: { giveUpAt: new Date(Date.now() - 1000) },
    });
    receiver.failNext(1);
    await waitUntil(
      "the expired delivery FAILED",
      async () =>
        (await env.deps.db.outboundDelivery.count({ where: { endpointId: endpoint.id, status: "FAILED" } })) === 1,
      { timeoutMs: 30_000, everyMs: 50 },
    );
  });
});
