import { randomUUID } from "node:crypto";
import { createAccount, createConnector, startTcpProxy, type TcpProxy, TEST_REDIS_URL } from "@gw/testing";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestApi } from "./helpers";
import { deliverSigned } from "./webhook-delivery";

// The receiver under a sick Postgres or Redis (issue 16's review): it answers within a bound,
// 503 with Retry-After while the event cannot be stored, and never waits on a stalled Redis.
const SECRET = "backpressure-webhook-secret";
let database: TcpProxy;
let directUrl: string;
let redis: TcpProxy;
let connectorId: string;

beforeAll(async () => {
  const target = new URL(TEST_REDIS_URL);
  redis = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
});
afterAll(async () => redis?.close());
const api = useTestApi(
  "webhooks_backpressure",
  () => ({ REDIS_URL: `redis://${redis.address}${new URL(TEST_REDIS_URL).pathname}` }),
  {
    databaseVia: async (url) => {
      directUrl = url;
      const target = new URL(url);
      database = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      target.host = database.address;
      return target.toString();
    },
  },
);
beforeAll(async () => {
  const account = await createAccount(api.deps.db);
  connectorId = (
    await createConnector(api.deps.db, {
      accountId: account.id,
      status: "VERIFIED",
      webhookSecretEnc: api.deps.secretBox.encrypt(SECRET),
    })
  ).id;
});
beforeEach(async () => {
  await database.restore();
  await redis.restore();
});
afterAll(async () => {
  await database?.restore();
  await redis?.restore();
});

function deliver(secret = SECRET) {
  const body = JSON.stringify({
    eventName: "registrant.added",
    eventKey: randomUUID(),
    webinarKey: "9223372036854775001",
    registrantKey: "9223372036854775002",
    email: "ada@example.com",
    firstName: "Ada",
    lastName: "Lovelace",
  });
  return deliverSigned(api.app, { connectorId, secret, body });
}

/** The answers, or "no answer" for each delivery still open after `ms`. */
async function answersWithin(ms: number, deliveries: ReturnType<typeof deliver>[]) {
  const late = new Promise<"no answer">((resolve) => setTimeout(() => resolve("no answer"), ms).unref());
  return Promise.all(deliveries.map((d) => Promise.race([d.then((res) => res.statusCode), late])));
}

describe("the webhook receiver under a sick Postgres or Redis", () => {
  it("answers 503 with Retry-After, never 200, while Postgres cannot be reached", async () => {
    expect((await deliver()).statusCode).toBe(200);
    await database.cut();
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliver()));
    expect(answers.map((res) => res.statusCode)).toEqual(Array(20).fill(503));
    expect(answers[0]?.headers["retry-after"]).toBeDefined();
    await database.restore();
    expect((await deliver()).statusCode).toBe(200);
  });

  it("answers within its timeout while the event table is locked, and takes events again after", async () => {
    const locker = new pg.Client({ connectionString: directUrl });
    await locker.connect();
    try {
      expect((await deliver()).statusCode).toBe(200); // the connector's lookup is cached
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "WebhookEvent" IN ACCESS EXCLUSIVE MODE`);
      // The store's timeout is 5 s; the bound leaves room for a loaded machine.
      const answers = await answersWithin(10_000, [
        ...Array.from({ length: 10 }, () => deliver()),
        deliver("a forger's secret"), // its record waits on the lock too
      ]);
      expect(answers).toEqual([...Array(10).fill(503), 503]);
      await locker.query("ROLLBACK");
      expect((await deliver()).statusCode).toBe(200);
    } finally {
      await locker.end();
    }
  });

  it("answers 503 within its timeout while the connector table is locked, and takes events again after", async () => {
    // A connector of its own: its lookup is not cached yet, so the delivery has to read it.
    const fresh = (
      await createConnector(api.deps.db, {
        accountId: (await createAccount(api.deps.db)).id,
        status: "VERIFIED",
        webhookSecretEnc: api.deps.secretBox.encrypt(SECRET),
      })
    ).id;
    const locker = new pg.Client({ connectionString: directUrl });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "Connector" IN ACCESS EXCLUSIVE MODE`);
      const body = () => JSON.stringify({ eventName: "registrant.added", eventKey: randomUUID(), webinarKey: "1" });
      // The store's timeout is 5 s; the bound leaves room for a loaded machine.
      const answers = await answersWithin(10_000, [
        deliverSigned(api.app, { connectorId: fresh, secret: SECRET, body: body() }),
        deliverSigned(api.app, { connectorId: fresh, secret: SECRET, body: body() }),
      ]);
      expect(answers).toEqual([503, 503]);
      await locker.query("ROLLBACK");
      expect((await deliverSigned(api.app, { connectorId: fresh, secret: SECRET, body: body() })).statusCode).toBe(200);
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await locker.end();
    }
  });

  it("takes a delivery at once while Redis is connected but does not answer", async () => {
    expect((await deliver()).statusCode).toBe(200); // Redis answered the guard's first look
    redis.stall();
    const answers = await answersWithin(2_000, [deliver(), deliver()]);
    expect(answers).toEqual([200, 200]);
  });
});
