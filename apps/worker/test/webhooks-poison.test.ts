// How many failed transactions a webhook consumer spends cornering a poison event: one consumer
// on a database of its own, counting the batches that roll back.
import { randomUUID } from "node:crypto";
import { createAccount, createConnector, createWebinar, gotoKey, waitUntil, withPoisonRegistrant } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookConsumer } from "../src/webhook-consumer";
import { createTestWorkerEnv, type TestWorkerEnv } from "./helpers";

let env: TestWorkerEnv;

beforeAll(async () => {
  env = await createTestWorkerEnv("webhooks_poison");
}, 120_000);

afterAll(async () => {
  await env?.close();
});

/**
 * Stores `count` registrant.added events of a new connector's webinar with a plain INSERT (no
 * NOTIFY: the consumer finds them when it starts), received in order; the one at `at` has
 * `registrantKey`.
 */
async function storeRun(count: number, at: number, registrantKey: string) {
  const db = env.deps.db;
  const accountId = (await createAccount(db)).id;
  const connectorId = (await createConnector(db, { accountId, status: "VERIFIED" })).id;
  const { webinarKey } = await createWebinar(db, { accountId, connectorId });
  const received = Date.now() - 10_000;
  const ids = Array.from({ length: count }, () => randomUUID());
  await db.webhookEvent.createMany({
    data: ids.map((id, i) => ({
      id,
      accountId,
      connectorId,
      eventKey: `${connectorId}:${id}`,
      eventName: "registrant.added",
      receivedAt: new Date(received + i),
      payload: {
        eventName: "registrant.added",
        webinarKey,
        registrantKey: i === at ? registrantKey : gotoKey(),
        firstName: "Pat",
        lastName: "Doe",
        email: `run-${id}@example.com`,
        status: "APPROVED",
        responses: [],
      },
    })),
  });
  return ids;
}

describe("webhook consumer and a poison event", () => {
  it("corners it by bisection: at most log2(batch) + 1 failed batches, not a restart from full size after each success", async () => {
    const db = env.deps.db;
    const poisonKey = gotoKey();
    const size = 256;
    const poisonAt = 200;
    const ids = await storeRun(size, poisonAt, poisonKey);
    let failed = 0;
    const counting = new Proxy(db, {
      get(target, key) {
        if (key !== "$transaction") return Reflect.get(target, key);
        return (...args: Parameters<typeof target.$transaction>) =>
          (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
            failed += 1;
            throw error;
          });
      },
    });
    await withPoisonRegistrant(db, poisonKey, async () => {
      const consumer = startWebhookConsumer({ ...env.deps, db: counting }, { batchSize: size });
      try {
        await waitUntil(
          "every event before the poison one applied",
          async () =>
            (await db.webhookEvent.count({ where: { id: { in: ids.slice(0, poisonAt) }, status: "APPLIED" } })) ===
            poisonAt,
          { timeoutMs: 30_000, everyMs: 100 },
        );
        await consumer.drain();
      } finally {
        await consumer.close();
      }
    });
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThanOrEqual(Math.log2(size) + 1);
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: ids[poisonAt] as string } })).status).toBe(
      "RECEIVED",
    );
  }, 60_000);

  it("keeps the mark in the row: a second consumer (another worker, or this one restarted) tries no batch with it again", async () => {
    const db = env.deps.db;
    const poisonKey = gotoKey();
    const ids = await storeRun(32, 8, poisonKey);
    const poison = ids[8] as string;
    const { connectorId, accountId } = await db.webhookEvent.findUniqueOrThrow({ where: { id: poison } });
    const failures: [number, number] = [0, 0];
    const counting = (which: 0 | 1) =>
      new Proxy(db, {
        get(target, key) {
          if (key !== "$transaction") return Reflect.get(target, key);
          return (...args: Parameters<typeof target.$transaction>) =>
            (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
              failures[which] += 1;
              throw error;
            });
        },
      });
    await withPoisonRegistrant(db, poisonKey, async () => {
      const first = startWebhookConsumer({ ...env.deps, db: counting(0) }, { batchSize: 32 });
      try {
        await waitUntil(
          "the poison event set aside",
          async () => (await db.webhookEvent.findUniqueOrThrow({ where: { id: poison } })).setAsideAt !== null,
          { timeoutMs: 30_000, everyMs: 100 },
        );
        await first.drain();
      } finally {
        await first.close();
      }
      expect(failures[0]).toBeGreaterThan(0);
      // Events of another webinar of the connector, found by the second consumer's first pass.
      const { webinarKey } = await createWebinar(db, {
        accountId: accountId as string,
        connectorId: connectorId as string,
      });
      const later = Array.from({ length: 5 }, () => randomUUID());
      await db.webhookEvent.createMany({
        data: later.map((id) => ({
          id,
          accountId,
          connectorId,
          eventKey: `${connectorId}:${id}`,
          eventName: "registrant.added",
          payload: {
            eventName: "registrant.added",
            webinarKey,
            registrantKey: gotoKey(),
            firstName: "Pat",
            lastName: "Doe",
            email: `later-${id}@example.com`,
            status: "APPROVED",
            responses: [],
          },
        })),
      });
      const second = startWebhookConsumer({ ...env.deps, db: counting(1) }, { batchSize: 32 });
      try {
        await waitUntil(
          "the other webinar's events applied",
          async () =>
            (await db.webhookEvent.count({ where: { id: { in: later }, status: "APPLIED" } })) === later.length,
          { timeoutMs: 30_000, everyMs: 100 },
        );
        await second.drain();
      } finally {
        await second.close();
      }
    });
    expect(failures[1]).toBe(0);
    // The poison event and its webinar's later ones wait for its job; nothing after it was applied.
    expect(await db.webhookEvent.count({ where: { id: { in: ids.slice(8) }, status: "RECEIVED" } })).toBe(24);
  }, 60_000);

  it("tries a batch that hit a deadlock again before narrowing it, and sets no event aside for it", async () => {
    const db = env.deps.db;
    const unlucky = gotoKey();
    const ids = await storeRun(50, 0, unlucky);
    // The first 7 batches that write this registrant fail as a deadlock would (a sequence counts
    // them across the rollbacks): as many as halving 50 events down to this one would take.
    const name = `deadlock_${unlucky}`;
    await db.$executeRawUnsafe(`CREATE SEQUENCE ${name}`);
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."registrantKey" = '${unlucky}' AND nextval('${name}') <= 7 THEN
        RAISE EXCEPTION 'simulated deadlock' USING ERRCODE = '40P01'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "WebinarRegistration" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    );
    const consumer = startWebhookConsumer(env.deps, { batchSize: 256, retryMs: 50 });
    try {
      await waitUntil(
        "every event applied",
        async () => (await db.webhookEvent.count({ where: { id: { in: ids }, status: "APPLIED" } })) === ids.length,
        { timeoutMs: 30_000, everyMs: 100 },
      );
      await consumer.drain();
    } finally {
      await consumer.close();
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "WebinarRegistration"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
      await db.$executeRawUnsafe(`DROP SEQUENCE ${name}`);
    }
    // Applied by a batch: it never went to the one-by-one path.
    expect(await env.deps.queues.webhooks.getJob(`webhook-${ids[0]}`)).toBeUndefined();
  }, 60_000);
});
