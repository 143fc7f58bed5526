import { createDb, type Db } from "@gw/db";
import { SecretBox } from "@gw/domain/security";
import { SimControl } from "@gw/gotowebinar-sim";
import {
  createAccount,
  createCampaign,
  createTestDatabase,
  createTestRedis,
  createVerifiedConnector,
  freePort,
  type SpawnedProcess,
  simEnv,
  spawnEntry,
  type TestDatabase,
  type TestRedis,
  testConfig,
} from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Three worker processes, two connectors on the service's one OAuth client, and a stand-in that
// answers 429 past 10 requests/s for that client, as GoTo does.
let database: TestDatabase;
let redis: TestRedis;
let db: Db;
let sim: SpawnedProcess;
let simUrl: string;
const workers: SpawnedProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase("budget");
  redis = await createTestRedis("budget");
  db = createDb(database.url);
  const port = await freePort();
  simUrl = `http://127.0.0.1:${port}`;
  sim = spawnEntry("apps/gotowebinar-sim/src/main.ts", {
    SIM_PORT: String(port),
    SIM_RATE_LIMIT: "10",
    SIM_SEED: "16",
    LOG_LEVEL: "warn",
  });
  await sim.waitForOutput(/listening on/);
}, 120_000);

afterAll(async () => {
  for (const worker of workers) worker.kill();
  sim?.kill();
  await db?.$disconnect();
  await redis?.cleanup();
  await database?.drop();
});

describe("one GoTo request budget for every worker process", () => {
  it("syncs every webinar of two connectors with three workers and (next to) no 429", async () => {
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      MIGRATE_ON_START: "false",
      ...simEnv({ url: simUrl }),
      GOTO_REQUESTS_PER_SECOND: "10",
      DISPATCH_EVERY_MS: "1000",
      WORKER_CONCURRENCY: "8",
      LOG_LEVEL: "info",
    };
    const config = testConfig({ databaseUrl: database.url, redisUrl: redis.url, redisPrefix: redis.prefix, env });
    const control = new SimControl(simUrl);
    const account = await createAccount(db);
    const campaign = await createCampaign(db, { accountId: account.id });
    const secretBox = new SecretBox(config.secrets.keys);
    const connectors = [];
    for (let c = 0; c < 2; c++) {
      const { connector, organizer } = await createVerifiedConnector(db, secretBox, {
        accountId: account.id,
        sim: { url: simUrl },
        campaignId: campaign.id,
      });
      await control.scenario({
        organizerKey: organizer.organizerKey,
        webinars: Array.from({ length: 15 }, (_, i) => ({
          subject: `Budget ${c}-${i}`,
          startsInMinutes: -(i + 1) * 24 * 60,
          durationMinutes: 60,
          registrants: 20,
          attendanceRatio: 0.5,
        })),
      });
      connectors.push(connector.id);
    }
    await control.clearRequests();

    for (let i = 0; i < 3; i++) workers.push(spawnEntry("apps/worker/src/main.ts", env));
    await Promise.all(workers.map((worker) => worker.waitForOutput(/worker started/, 120_000)));

    const deadline = Date.now() + 240_000;
    let synced = 0;
    while (synced < 30) {
      if (Date.now() > deadline) throw new Error(`only ${synced} of 30 webinars synced:\n${workers[0]!.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      synced = await db.webinar.count({ where: { connectorId: { in: connectors }, lastPolledAt: { not: null } } });
    }
    const stats = await control.stats();
    const rest = stats.byKind.rest ?? 0;
    // Every process took its turns from the one budget in Redis: three separate per-process
    // limiters at 10/s answered about half of these with 429.
    expect(rest).toBeGreaterThanOrEqual(60);
    expect(stats.rateLimited, JSON.stringify(stats)).toBeLessThanOrEqual(Math.ceil(rest * 0.01));
    const registrations = await db.webinarRegistration.count({ where: { accountId: account.id } });
    expect(registrations).toBe(30 * 20);
  }, 400_000);
});
