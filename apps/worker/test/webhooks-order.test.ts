// One webinar's events in the order received, with the one-by-one path in play: events stored
// as the receiver stores them, two worker runtimes (each a consumer and job workers at
// concurrency 8) applying them at once.
import { randomUUID } from "node:crypto";
import { createWebhookEventStore, type WebhookEventStore } from "@gw/domain/webhook-events";
import { createAccount, createConnector, createWebinar, gotoKey, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import { startWorkerRuntime, type WorkerRuntime } from "../src/runtime";
import { createTestWorkerEnv, registeredIn, type TestWorkerEnv } from "./helpers";

let env: TestWorkerEnv;
let accountId: string;
const runtimes: WorkerRuntime[] = [];

beforeAll(async () => {
  env = await createTestWorkerEnv("webhooks_order", { WORKER_CONCURRENCY: "8" });
  accountId = (await createAccount(env.deps.db)).id;
  for (let i = 0; i < 2; i++) runtimes.push(await startWorkerRuntime(env.deps, handlers, { queues: ["webhooks"] }));
}, 120_000);

afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  await env?.close();
});

const db = () => env.deps.db;

async function store(receiver: WebhookEventStore, connectorId: string, payload: Record<string, unknown>) {
  const eventKey = randomUUID();
  const stored = await receiver.insert({
    accountId,
    connectorId,
    eventKey: `${connectorId}:${eventKey}`,
    eventName: String(payload.eventName),
    payload: JSON.stringify({ eventVersion: "1.0.0", product: "g2w", eventKey, ...payload }),
    status: "RECEIVED",
    reason: null,
  });
  return stored.eventId as string;
}

const added = (webinarKey: string, registrantKey: string, email: string, status = "APPROVED") => ({
  eventName: "registrant.added",
  webinarKey,
  registrantKey,
  firstName: "Pat",
  lastName: "Doe",
  email,
  status,
  responses: [],
});

const changed = (webinarKey: string, webinarTitle: string, startsAt: Date) => ({
  eventName: "webinar.changed",
  webinarKey,
  webinarTitle,
  status: "UPDATED",
  times: [{ startTime: startsAt.toISOString(), endTime: new Date(startsAt.getTime() + 3_600_000).toISOString() }],
});

const allSettled = async (ids: string[]) =>
  (await db().webhookEvent.count({ where: { id: { in: ids }, status: "RECEIVED" } })) === 0;

describe("webhook events of one webinar", () => {
  it("[webinar.changed, added P, added P cancelled] ends cancelled, with jobs running side by side", async () => {
    const connector = await createConnector(db(), { accountId, status: "VERIFIED" });
    // One store, one insert at a time: the order received is the order written here.
    const receiver = createWebhookEventStore({ db: db(), maxInFlight: 1 });
    const people: { webinarId: string; registrantKey: string }[] = [];
    const ids: string[] = [];
    for (let w = 0; w < 12; w++) {
      const webinar = await createWebinar(db(), { accountId, connectorId: connector.id });
      const startsAt = new Date(Date.now() + (10 + w) * 86_400_000);
      ids.push(await store(receiver, connector.id, changed(webinar.webinarKey, `Moved ${w}`, startsAt)));
      for (let p = 0; p < 3; p++) {
        const registrantKey = gotoKey();
        const email = `order-${randomUUID()}@example.com`;
        ids.push(await store(receiver, connector.id, added(webinar.webinarKey, registrantKey, email)));
        ids.push(await store(receiver, connector.id, added(webinar.webinarKey, registrantKey, email, "CANCELLED")));
        people.push({ webinarId: webinar.id, registrantKey });
      }
    }
    await waitUntil("every event settled", () => allSettled(ids), { timeoutMs: 90_000, everyMs: 100 });

    const events = await db().webhookEvent.findMany({
      where: { id: { in: ids } },
      select: { status: true, reason: true, eventName: true },
    });
    expect(events.filter((event) => event.status !== "APPLIED")).toEqual([]);
    const registrations = await db().webinarRegistration.findMany({
      where: { webinarId: { in: people.map((p) => p.webinarId) } },
      select: { registrantKey: true, status: true, cancelledAt: true },
    });
    expect(registrations).toHaveLength(people.length);
    expect(registrations.every((r) => r.status === "CANCELLED" && r.cancelledAt !== null)).toBe(true);
    const activities = await db().activity.groupBy({
      by: ["type"],
      where: { webinarId: { in: people.map((p) => p.webinarId) } },
      _count: { _all: true },
    });
    expect(Object.fromEntries(activities.map((a) => [a.type, a._count._all]))).toMatchObject({
      REGISTERED: people.length,
      CANCELLED: people.length,
    });
  }, 120_000);

  it("applies a burst of mixed events exactly once with two runtimes racing for it", async () => {
    const connector = await createConnector(db(), { accountId, status: "VERIFIED" });
    const webinars = await Promise.all(
      Array.from({ length: 4 }, () => createWebinar(db(), { accountId, connectorId: connector.id })),
    );
    const receivers = [createWebhookEventStore({ db: db() }), createWebhookEventStore({ db: db() })];
    const ids = await Promise.all(
      Array.from({ length: 400 }, (_, i) => {
        const webinarKey = (webinars[i % webinars.length] as { webinarKey: string }).webinarKey;
        // Every 25th a cancellation of nobody: an event the batches cannot take, in the middle.
        const payload =
          i % 25 === 24
            ? added(webinarKey, gotoKey(), `nobody-${randomUUID()}@example.com`, "CANCELLED")
            : added(webinarKey, gotoKey(), `burst-${randomUUID()}@example.com`);
        return store(receivers[i % 2] as WebhookEventStore, connector.id, payload);
      }),
    );
    await waitUntil("every event settled", () => allSettled(ids), { timeoutMs: 90_000, everyMs: 100 });
    const webinarIds = webinars.map((w) => w.id);
    const plain = ids.length - Math.floor(ids.length / 25);
    expect(await db().webhookEvent.count({ where: { id: { in: ids }, status: "APPLIED" } })).toBe(plain);
    expect(await registeredIn(db(), webinarIds)).toEqual({
      registrations: plain,
      registered: plain,
      prospects: plain,
      scoresAddUp: true,
    });
  }, 120_000);

  it("runs again an event whose job failed for good without settling it, through the sweeper", async () => {
    const connector = await createConnector(db(), { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db(), { accountId, connectorId: connector.id });
    const event = await db().webhookEvent.create({
      data: {
        accountId,
        connectorId: connector.id,
        eventKey: `${connector.id}:${randomUUID()}`,
        eventName: "webinar.changed",
        receivedAt: new Date(Date.now() - 60_000),
        // An event only its job applies (batches take registrant.added).
        payload: changed(webinar.webinarKey, "Failed once", new Date(Date.now() + 20 * 86_400_000)),
      },
    });
    // Its job failed for good (here: a payload it refuses) and the event stayed RECEIVED.
    const jobId = `webhook-${event.id}`;
    await env.deps.queues.webhooks.add(
      "apply-webhook-event",
      { payload: { eventId: "not-an-id" } },
      { jobId, attempts: 1, removeOnFail: 1_000 },
    );
    await waitUntil("its job failed", async () => (await env.deps.queues.webhooks.getJobState(jobId)) === "failed", {
      timeoutMs: 15_000,
      everyMs: 50,
    });
    const swept = await handlers["sweep-webhook-events"](
      {},
      { deps: env.deps, log: env.deps.log, jobId: "sweep-test", attempt: 1, signal: new AbortController().signal },
    );
    expect(swept).toMatchObject({ requeued: 1, rerun: 1 });
    await waitUntil(
      "applied",
      async () => (await db().webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status === "APPLIED",
      { timeoutMs: 15_000, everyMs: 50 },
    );
  }, 60_000);
});
