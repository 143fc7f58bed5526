// The webhook consumer on its own: events stored as the receiver stores them (grouped INSERTs
// that NOTIFY), applied in batches by consumers LISTENing in this process; no BullMQ worker runs,
// so what a batch leaves is visible as the jobs it queued.
import { randomUUID } from "node:crypto";
import { createWebhookEventStore, type WebhookEventStore } from "@gw/domain/webhook-events";
import { createAccount, createConnector, createWebinar, gotoKey, waitUntil, withPoisonRegistrant } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookConsumer, type WebhookConsumer } from "../src/webhook-consumer";
import { createTestWorkerEnv, registeredIn, type TestWorkerEnv } from "./helpers";

let env: TestWorkerEnv;
let accountId: string;
const consumers: WebhookConsumer[] = [];

beforeAll(async () => {
  env = await createTestWorkerEnv("webhooks_consumer");
  accountId = (await createAccount(env.deps.db)).id;
  // Two workers' consumers on one database, as with two worker processes.
  consumers.push(startWebhookConsumer(env.deps), startWebhookConsumer(env.deps));
}, 120_000);

afterAll(async () => {
  for (const consumer of consumers) await consumer.close();
  await env?.close();
});

const db = () => env.deps.db;

/** Stores a registrant.added as the receiver does; resolves with the event id once committed. */
async function deliver(store: WebhookEventStore, connectorId: string, webinarKey: string, registrantKey = gotoKey()) {
  const eventKey = randomUUID();
  const payload = {
    eventName: "registrant.added",
    eventVersion: "1.0.0",
    product: "g2w",
    eventKey,
    webinarKey,
    registrantKey,
    firstName: "Pat",
    lastName: "Doe",
    email: `consumer-${eventKey}@example.com`,
    status: "APPROVED",
    responses: [],
  };
  const stored = await store.insert({
    accountId,
    connectorId,
    eventKey: `${connectorId}:${eventKey}`,
    eventName: "registrant.added",
    payload: JSON.stringify(payload),
    status: "RECEIVED",
    reason: null,
  });
  return stored.eventId as string;
}

/** Stores registrant.added events with a plain INSERT, which NOTIFYs no one. */
async function storeUnnotified(connectorId: string, webinarKey: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await db().webhookEvent.create({
      data: {
        accountId,
        connectorId,
        eventKey: `${connectorId}:${randomUUID()}`,
        eventName: "registrant.added",
        payload: {
          eventName: "registrant.added",
          webinarKey,
          registrantKey: gotoKey(),
          firstName: "Late",
          lastName: "Comer",
          email: `late-${randomUUID()}@example.com`,
          status: "APPROVED",
          responses: [],
        },
      },
    });
    ids.push(row.id);
  }
  return ids;
}

const statuses = async (ids: string[]) => {
  const rows = await db().webhookEvent.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
  const byId = new Map(rows.map((row) => [row.id, row.status]));
  return ids.map((id) => byId.get(id));
};
const queued = async (ids: string[]) =>
  (await Promise.all(ids.map((id) => env.deps.queues.webhooks.getJob(`webhook-${id}`)))).filter(Boolean).length;

describe("webhook consumer", () => {
  it("applies events two receivers store at once exactly once, with two consumers racing for them", async () => {
    const connector = await createConnector(db(), { accountId, status: "VERIFIED" });
    const webinars = [
      await createWebinar(db(), { accountId, connectorId: connector.id }),
      await createWebinar(db(), { accountId, connectorId: connector.id }),
    ];
    const receivers = [createWebhookEventStore({ db: db() }), createWebhookEventStore({ db: db() })];
    const ids = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        deliver(
          receivers[i % 2] as WebhookEventStore,
          connector.id,
          (webinars[i % 2] as { webinarKey: string }).webinarKey,
        ),
      ),
    );
    await waitUntil("every event applied", async () => (await statuses(ids)).every((status) => status === "APPLIED"), {
      timeoutMs: 60_000,
      everyMs: 50,
    });
    const webinarIds = webinars.map((w) => w.id);
    expect(await registeredIn(db(), webinarIds)).toEqual({
      registrations: 300,
      registered: 300,
      prospects: 300,
      scoresAddUp: true,
    });
    // Batches took them all: none needed a job of its own.
    expect(await queued(ids)).toBe(0);
  });

  it("sets a poison event aside for its job, keeps its webinar's later events behind it, and applies the rest", async () => {
    const connector = await createConnector(db(), { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db(), { accountId, connectorId: connector.id });
    const other = await createWebinar(db(), { accountId, connectorId: connector.id });
    const poisonKey = gotoKey();
    await withPoisonRegistrant(db(), poisonKey, async () => {
      // Stored one after another (one store, one at a time), so their order is known.
      const store = createWebhookEventStore({ db: db(), maxInFlight: 1 });
      const before: string[] = [];
      for (let i = 0; i < 10; i++) before.push(await deliver(store, connector.id, webinar.webinarKey));
      const poison = await deliver(store, connector.id, webinar.webinarKey, poisonKey);
      const after: string[] = [];
      for (let i = 0; i < 5; i++) after.push(await deliver(store, connector.id, webinar.webinarKey));
      const elsewhere: string[] = [];
      for (let i = 0; i < 10; i++) elsewhere.push(await deliver(store, connector.id, other.webinarKey));

      await waitUntil(
        "the other webinar's events applied and the poison one queued alone",
        async () =>
          (await statuses(elsewhere)).every((status) => status === "APPLIED") && (await queued([poison])) === 1,
        { timeoutMs: 60_000, everyMs: 50 },
      );
      for (const consumer of consumers) await consumer.drain();
      expect(await statuses(before)).toEqual(before.map(() => "APPLIED"));
      expect(await statuses([poison])).toEqual(["RECEIVED"]);
      // Nothing after the poison event in its webinar was applied before it, nor queued beside
      // it: they wait for its job to settle it, then go back to a batch.
      expect(await statuses(after)).toEqual(after.map(() => "RECEIVED"));
      expect(await queued(after)).toBe(0);
      expect(await queued([...before, ...elsewhere])).toBe(0);
    });
  });

  it("applies events whose notification never came within a periodic pass", async () => {
    const connector = await createConnector(db(), { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db(), { accountId, connectorId: connector.id });
    // A plain INSERT: no NOTIFY, as with one lost on a LISTEN connection that died silently.
    const ids = await storeUnnotified(connector.id, webinar.webinarKey, 3);
    await waitUntil("applied by a periodic pass", async () => (await statuses(ids)).every((s) => s === "APPLIED"), {
      timeoutMs: 15_000,
      everyMs: 100,
    });
  });

  it("applies what was stored while no consumer listened as soon as one starts", async () => {
    const connector = await createConnector(db(), { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db(), { accountId, connectorId: connector.id });
    // Stored with no listener (a plain INSERT: no NOTIFY reaches anyone).
    const ids = await storeUnnotified(connector.id, webinar.webinarKey, 5);
    const late = startWebhookConsumer(env.deps);
    try {
      await waitUntil("applied at start", async () => (await statuses(ids)).every((s) => s === "APPLIED"), {
        timeoutMs: 30_000,
        everyMs: 50,
      });
    } finally {
      await late.close();
    }
  });
});
