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

describe("webhook consumer and a poison event", () => {
  it("corners it by bisection: at most log2(batch) + 1 failed batches, not a restart from full size after each success", async () => {
    const db = env.deps.db;
    const accountId = (await createAccount(db)).id;
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const poisonKey = gotoKey();
    const size = 256;
    const poisonAt = 200;
    const received = Date.now() - 10_000;
    const ids = Array.from({ length: size }, () => randomUUID());
    await db.webhookEvent.createMany({
      data: ids.map((id, i) => ({
        id,
        accountId,
        connectorId: connector.id,
        eventKey: `${connector.id}:${id}`,
        eventName: "registrant.added",
        receivedAt: new Date(received + i),
        payload: {
          eventName: "registrant.added",
          webinarKey: webinar.webinarKey,
          registrantKey: i === poisonAt ? poisonKey : gotoKey(),
          firstName: "Pat",
          lastName: "Doe",
          email: `poison-${id}@example.com`,
          status: "APPROVED",
          responses: [],
        },
      })),
    });
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
});
