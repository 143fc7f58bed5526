import { randomUUID } from "node:crypto";
import { createDb, type Db, listenForNotifications } from "@gw/db";
import { createConnector, startTcpProxy, useAccountId, useTestDatabase, waitUntil } from "@gw/testing";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DomainError } from "../src/errors/index";
import {
  createWebhookEventStore,
  WEBHOOK_EVENTS_CHANNEL,
  type WebhookEventRow,
  type WebhookEventStore,
} from "../src/webhook-events/index";

// The receiver's grouped writes (issue 16's review): bounded waits, splits only for bad rows,
// one NOTIFY per connector.
const database = useTestDatabase("webhooks_store");
const { db } = database;
const accountId = useAccountId(db);

const row = (connectorId: string, payload: string = JSON.stringify({ eventName: "registrant.added" })) =>
  ({
    accountId,
    connectorId,
    eventKey: `${connectorId}:${randomUUID()}`,
    eventName: "registrant.added",
    payload,
    status: "RECEIVED",
    reason: null,
  }) satisfies WebhookEventRow;

/** Every insert's outcome, once all have settled. */
const settleAll = (store: WebhookEventStore, rows: WebhookEventRow[]) =>
  Promise.allSettled(rows.map((r) => store.insert(r)));
const codeOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === "fulfilled" ? "stored" : outcome.reason instanceof DomainError ? outcome.reason.code : "error";

/** Holds an ACCESS EXCLUSIVE lock on "WebhookEvent" from another session until released. */
async function lockEvents(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "WebhookEvent" IN ACCESS EXCLUSIVE MODE`);
  return async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
}

describe("the receiver's event store", () => {
  it("fails only the unstorable delivery of a group, with a 400 that quotes no row value", async () => {
    const connector = await createConnector(db, { accountId });
    const store = createWebhookEventStore({ db, maxInFlight: 1 });
    // jsonb refuses \u0000 (SQLSTATE 22P05) although it is valid JSON text.
    const poison = row(connector.id, `{"eventName":"registrant.added","secretish":"zz-\\u0000-zz"}`);
    const rows = Array.from({ length: 20 }, () => row(connector.id));
    rows.splice(12, 0, poison);
    const outcomes = await settleAll(store, rows);
    expect(outcomes.map(codeOf)).toEqual(rows.map((r) => (r === poison ? "VALIDATION" : "stored")));
    const refused = outcomes[12] as PromiseRejectedResult;
    expect(refused.reason.message).toMatch(/SQLSTATE 22P05/);
    expect(refused.reason.message).not.toMatch(/zz-/);
    expect(store.stats().splitGroups).toBeGreaterThan(0);
    expect(await db.webhookEvent.count({ where: { connectorId: connector.id } })).toBe(20);
  });

  it("keeps the first copy of an event key sent twice in one group, the one it answers accepted", async () => {
    const connector = await createConnector(db, { accountId });
    const store = createWebhookEventStore({ db, maxInFlight: 1 });
    const first = row(connector.id, JSON.stringify({ eventName: "registrant.added", copy: "first" }));
    const second = { ...first, payload: JSON.stringify({ eventName: "registrant.added", copy: "second" }) };
    const [, a, b] = await Promise.all([store.insert(row(connector.id)), store.insert(first), store.insert(second)]);
    expect([a?.inserted, b?.inserted]).toEqual([true, false]);
    expect(a?.eventId).toBe(b?.eventId);
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { eventKey: first.eventKey } });
    expect(stored.payload).toMatchObject({ copy: "first" });
  });

  it("notifies each of 300 connectors in one group, in one statement", async () => {
    const connectors: { id: string }[] = [];
    for (let i = 0; i < 300; i += 50)
      connectors.push(...(await Promise.all(Array.from({ length: 50 }, () => createConnector(db, { accountId })))));
    const heard = new Set<string>();
    let listening!: () => void;
    const ready = new Promise<void>((resolve) => {
      listening = resolve;
    });
    const listener = listenForNotifications({
      databaseUrl: database.url,
      channel: WEBHOOK_EVENTS_CHANNEL,
      onNotification: (payload) => {
        for (const id of (payload ?? "").split(",")) heard.add(id);
      },
      onListening: () => listening(),
    });
    try {
      await ready;
      const store = createWebhookEventStore({ db, maxInFlight: 1 });
      const outcomes = await settleAll(
        store,
        connectors.map((c) => row(c.id)),
      );
      expect(outcomes.map(codeOf).filter((c) => c !== "stored")).toEqual([]);
      expect(store.stats().splitGroups).toBe(0);
      await waitUntil("every connector notified", async () => connectors.every((c) => heard.has(c.id)), {
        timeoutMs: 5_000,
        everyMs: 20,
      });
    } finally {
      await listener.close();
    }
  });

  it("while the table is locked, answers every delivery within its timeout and lets no more than the cap wait", async () => {
    const connector = await createConnector(db, { accountId });
    const store = createWebhookEventStore({ db, maxInFlight: 1, maxWaiting: 5, timeoutMs: 800 });
    const release = await lockEvents();
    try {
      const started = Date.now();
      const inserts = settleAll(
        store,
        Array.from({ length: 20 }, () => row(connector.id)),
      );
      await Promise.resolve();
      expect(store.stats().waiting).toBeLessThanOrEqual(5);
      const outcomes = await inserts;
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(outcomes.map(codeOf)).toEqual(Array(20).fill("UNAVAILABLE"));
      expect(store.stats()).toMatchObject({ waiting: 0, waitingBytes: 0, splitGroups: 0 });
    } finally {
      await release();
    }
    // Postgres cancelled the statement stuck behind the lock: the store takes events again.
    expect(await store.insert(row(connector.id))).toMatchObject({ inserted: true });
  });

  it("refuses a delivery at once when the bytes waiting would pass the cap", async () => {
    const connector = await createConnector(db, { accountId });
    const store = createWebhookEventStore({ db, maxInFlight: 1, maxWaitingBytes: 1_000, timeoutMs: 800 });
    const big = () => row(connector.id, JSON.stringify({ eventName: "registrant.added", pad: "x".repeat(400) }));
    const release = await lockEvents();
    try {
      const outcomes = settleAll(store, [big(), big(), big(), big()]);
      await Promise.resolve();
      // One in its statement, two waiting (900 bytes), the fourth would pass 1,000.
      expect(store.stats().waiting).toBe(2);
      expect((await outcomes).map(codeOf)).toEqual(Array(4).fill("UNAVAILABLE"));
    } finally {
      await release();
    }
  });

  it("while Postgres is unreachable, fails each group at once without retrying its events one by one", async () => {
    const connector = await createConnector(db, { accountId });
    const target = new URL(database.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = proxy.address;
    const viaProxy: Db = createDb(target.toString(), { poolSize: 2, connectionTimeoutMs: 1_000 });
    try {
      const store = createWebhookEventStore({ db: viaProxy, maxInFlight: 1 });
      await store.insert(row(connector.id));
      await proxy.cut();
      const outcomes = await settleAll(
        store,
        Array.from({ length: 50 }, () => row(connector.id)),
      );
      expect(outcomes.map(codeOf)).toEqual(Array(50).fill("UNAVAILABLE"));
      expect(store.stats().splitGroups).toBe(0);
      await proxy.restore();
      expect(await store.insert(row(connector.id))).toMatchObject({ inserted: true });
    } finally {
      await viaProxy.$disconnect();
      await proxy.close();
    }
  });

  it("shares one fresh connector lookup among the deliveries asking at once", async () => {
    const connector = await createConnector(db, { accountId });
    const store = createWebhookEventStore({ db });
    const lookups = Array.from({ length: 10 }, () => store.connector(connector.id, true));
    expect(new Set(lookups).size).toBe(1);
    expect(await lookups[0]).toMatchObject({ accountId });
    // Once it has answered, the next fresh lookup asks again.
    expect(store.connector(connector.id, true)).not.toBe(lookups[0]);
  });
});
