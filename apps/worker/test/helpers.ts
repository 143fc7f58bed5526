import type { AppConfig } from "@gw/config";
import type { RunningSim } from "@gw/gotowebinar-sim";
import { createLogger } from "@gw/logger";
import {
  createAccount,
  createCampaign,
  createTestStores,
  createVerifiedConnector,
  simEnv,
  type TestDatabase,
  type TestRedis,
} from "@gw/testing";
import { type App, buildApp } from "../../api/src/app";
import { type ApiDeps, createApiDeps } from "../../api/src/deps";
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
  const stores = await createTestStores(label, { env });
  const { config } = stores;
  const deps = createWorkerDeps(config, createLogger({ name: "worker-test", level: config.logLevel, pretty: false }));
  return {
    ...stores,
    deps,
    async close() {
      await deps.close();
      await stores.close();
    },
  };
}

/**
 * The settings that point the worker at a GoTo stand-in at `simUrl` with its default OAuth client,
 * at `requestsPerSecond` (the configured default when null).
 */
export function simGotoEnv(simUrl: string, requestsPerSecond: number | null = 200): Record<string, string> {
  return {
    ...simEnv({ url: simUrl }),
    ...(requestsPerSecond === null ? {} : { GOTO_REQUESTS_PER_SECOND: String(requestsPerSecond) }),
  };
}

export interface ApiOverWorker {
  app: App;
  deps: ApiDeps;
  close(): Promise<void>;
}

/**
 * The real API on the worker env's database and Redis, for flows that go through both: listening
 * on `port` when given (GoTo's webhooks must reach it), else answering `app.inject` only.
 */
export async function startApiOver(env: TestWorkerEnv, options: { port?: number } = {}): Promise<ApiOverWorker> {
  const deps = createApiDeps(env.config, createLogger({ name: "api-test", level: env.config.logLevel, pretty: false }));
  const app = await buildApp(deps);
  if (options.port === undefined) await app.ready();
  else await app.listen({ port: options.port, host: "127.0.0.1" });
  return {
    app,
    deps,
    async close() {
      await app.close();
      await deps.close();
    },
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

/**
 * What webhook events registering people in these webinars left, to check each was applied once:
 * registrations, REGISTERED activities, their prospects, and whether every score is the sum of
 * the prospect's activity points there.
 */
export async function registeredIn(db: WorkerDeps["db"], webinarIds: string[]) {
  const where = { webinarId: { in: webinarIds } };
  const prospects = await db.prospect.findMany({
    where: { registrations: { some: where } },
    select: { id: true, score: true },
  });
  const points = await db.activity.groupBy({ by: ["prospectId"], where, _sum: { points: true } });
  const pointsOf = new Map(points.map((p) => [p.prospectId, p._sum.points ?? 0]));
  return {
    registrations: await db.webinarRegistration.count({ where }),
    registered: await db.activity.count({ where: { ...where, type: "REGISTERED" } }),
    prospects: prospects.length,
    scoresAddUp: prospects.every((p) => p.score === pointsOf.get(p.id)),
  };
}
