// The webhook consumer while the worker's Redis is down: batches need no Redis, so they go on for
// every connector; what needs a job waits in Postgres for the sweeper, and shutdown is prompt.
import { randomUUID } from "node:crypto";
import { createWebhookEventStore, type WebhookEventStore } from "@gw/domain/webhook-events";
import { createQueues, createRedis } from "@gw/queues";
import { createAccount, createConnector, createWebinar, gotoKey, startPrivateRedis, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookConsumer } from "../src/webhook-consumer";
import { createTestWorkerEnv, type TestWorkerEnv } from "./helpers";

let env: TestWorkerEnv;
let accountId: string;

beforeAll(async () => {
  env = await createTestWorkerEnv("webhooks_redis_down");
  accountId = (await createAccount(env.deps.db)).id;
}, 120_000);

afterAll(async () => {
  await env?.close();
});

const db = () => env.deps.db;

async function deliver(store: WebhookEventStore, connectorId: string, webinarKey: string) {
  const eventKey = randomUUID();
  const stored = await store.insert({
    accountId,
    connectorId,
    eventKey: `${connectorId}:${eventKey}`,
    eventName: "registrant.added",
    payload: JSON.stringify({
      eventName: "registrant.added",
      eventKey,
      webinarKey,
      registrantKey: gotoKey(),
      firstName: "Pat",
      lastName: "Doe",
      email: `down-${eventKey}@example.com`,
      status: "APPROVED",
      responses: [],
    }),
    status: "RECEIVED",
    reason: null,
  });
  return stored.eventId as string;
}

describe("webhook consumer with Redis down", () => {
  it("keeps applying every connector's batches, leaves the events that need a job RECEIVED, and closes at once", async () => {
    const redis = await startPrivateRedis();
    const client = createRedis(redis.url, "worker");
    client.on("error", () => undefined);
    const queues = createQueues(client, `down-${randomUUID().slice(0, 8)}`);
    const consumer = startWebhookConsumer({ ...env.deps, queues }, { enqueueTimeoutMs: 300 });
    try {
      expect((await queues.webhooks.getJobCounts()).waiting).toBe(0);
      await redis.kill();
      const store = createWebhookEventStore({ db: db(), maxInFlight: 1 });
      // First a connector whose event needs a job (its webinar is not synced): the pass that
      // meets it cannot hand it to Redis.
      const first = await createConnector(db(), { accountId, status: "VERIFIED" });
      const needsJob = await deliver(store, first.id, gotoKey());
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Then plain events of another connector, and more of the first one's.
      const second = await createConnector(db(), { accountId, status: "VERIFIED" });
      const webinars = [
        await createWebinar(db(), { accountId, connectorId: first.id }),
        await createWebinar(db(), { accountId, connectorId: second.id }),
      ];
      const plain: string[] = [];
      for (let i = 0; i < 10; i++)
        plain.push(
          await deliver(store, (i % 2 ? second : first).id, (webinars[i % 2] as { webinarKey: string }).webinarKey),
        );
      await waitUntil(
        "the plain events applied",
        async () => (await db().webhookEvent.count({ where: { id: { in: plain }, status: "APPLIED" } })) === 10,
        { timeoutMs: 15_000, everyMs: 50 },
      );
      expect((await db().webhookEvent.findUniqueOrThrow({ where: { id: needsJob } })).status).toBe("RECEIVED");
      const closing = Date.now();
      await consumer.close();
      expect(Date.now() - closing).toBeLessThan(2_000);
    } finally {
      await consumer.close();
      client.disconnect();
      await Promise.race([queues.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000))]);
      // Already killed: destroy() sees the exit that is past and returns at once.
      const destroying = Date.now();
      await redis.destroy();
      expect(Date.now() - destroying).toBeLessThan(1_000);
    }
  }, 60_000);
});
