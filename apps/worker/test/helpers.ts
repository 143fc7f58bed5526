import type { AppConfig } from "@gw/config";
import type { RunningSim } from "@gw/gotowebinar-sim";
import { createLogger } from "@gw/logger";
import {
  createAccount,
  createCampaign,
  createTestDatabase,
  createTestRedis,
  createVerifiedConnector,
  type TestDatabase,
  type TestRedis,
  testConfig,
} from "@gw/testing";
import { createWorkerDeps, type WorkerDeps } from "../src/deps";

export interface TestWorkerEnv {
  deps: WorkerDeps;
  config: AppConfig;
  database: TestDatabase;
  redis: TestRedis;
  close(): Promise<void>;
}

/** Worker dependencies on a database and Redis prefix of their own. */
export async function createTestWorkerEnv(label: string, env: Record<string, string> = {}): Promise<TestWorkerEnv> {
  const database = await createTestDatabase(label);
  const redis = await createTestRedis(label);
  const config = testConfig({ databaseUrl: database.url, redisUrl: redis.url, redisPrefix: redis.prefix, env });
  const deps = createWorkerDeps(config, createLogger({ name: "worker-test", level: config.logLevel, pretty: false }));
  return {
    deps,
    config,
    database,
    redis,
    async close() {
      await deps.close();
      await redis.cleanup();
      await database.drop();
    },
  };
}

/** The settings that point the worker at a GoTo stand-in at `simUrl` with its default OAuth client. */
export function simGotoEnv(simUrl: string, requestsPerSecond = 200): Record<string, string> {
  return {
    GOTO_AUTH_URL: simUrl,
    GOTO_API_URL: `${simUrl}/G2W/rest/v2`,
    GOTO_IDENTITY_URL: simUrl,
    GOTO_CLIENT_ID: "demo-client",
    GOTO_CLIENT_SECRET: "demo-secret",
    GOTO_REQUESTS_PER_SECOND: String(requestsPerSecond),
  };
}

/** A verified connector (discovery and backfill due now) whose stand-in organizer has these webinars. */
export async function createSimConnector(
  env: TestWorkerEnv,
  sim: RunningSim,
  webinars: Parameters<RunningSim["control"]["scenario"]>[0]["webinars"],
  data: { status?: "VERIFIED" | "ERROR" } = {},
) {
  const account = await createAccount(env.deps.db);
  const campaign = await createCampaign(env.deps.db, { accountId: account.id });
  const { connector, organizer } = await createVerifiedConnector(env.deps.db, env.deps.secretBox, {
    accountId: account.id,
    sim,
    campaignId: campaign.id,
    ...data,
  });
  const scenario = await sim.control.scenario({ organizerKey: organizer.organizerKey, webinars });
  return { accountId: account.id, connectorId: connector.id, organizerKey: organizer.organizerKey, scenario };
}
