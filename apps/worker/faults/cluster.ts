import { type AppConfig, loadConfig } from "@gw/config";
import { createDb, type Db, prepareDatabase } from "@gw/db";
import { SecretBox } from "@gw/domain/security";
import { type RunningSim, startSim } from "@gw/gotowebinar-sim";
import { createLogger } from "@gw/logger";
import {
  type PrivatePostgres,
  type PrivateRedis,
  type SpawnedProcess,
  simEnv,
  spawnEntry,
  startPrivatePostgres,
  startPrivateRedis,
} from "@gw/testing";
import { type App, buildApp } from "../../api/src/app";
import { type ApiDeps, createApiDeps } from "../../api/src/deps";

/**
 * A whole installation of our own to break: a private Postgres and Redis, the GoTo stand-in,
 * the API in this process and the worker as a real process the test can SIGKILL and restart.
 */
export interface FaultCluster {
  pg: PrivatePostgres;
  redis: PrivateRedis;
  sim: RunningSim;
  config: AppConfig;
  env: Record<string, string>;
  /** Our own connection, for assertions (reconnects after a Postgres restart). */
  db: Db;
  secretBox: SecretBox;
  api: { app: App; deps: ApiDeps };
  worker: {
    start(): Promise<void>;
    /** SIGKILL: no shutdown code runs, its jobs' locks and leases are left to run out. */
    kill(): Promise<void>;
    output(): string;
  };
  close(): Promise<void>;
}

export async function startFaultCluster(env: Record<string, string> = {}): Promise<FaultCluster> {
  const pg = await startPrivatePostgres();
  const redis = await startPrivateRedis();
  const sim = await startSim({ port: 0 });
  const databaseUrl = pg.url("gw_faults");
  await prepareDatabase(databaseUrl, { migrate: true });
  const fullEnv: Record<string, string> = {
    NODE_ENV: "test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: "gwf",
    MIGRATE_ON_START: "false",
    ...simEnv(sim),
    TRUST_PROXY: "true",
    FORM_RATE_LIMIT_PER_MINUTE: "100000",
    ...env,
    // For measuring other settings (say the old defaults) without editing the tests.
    ...(process.env.FAULT_EXTRA_ENV ? (JSON.parse(process.env.FAULT_EXTRA_ENV) as Record<string, string>) : {}),
  };
  const config = loadConfig(fullEnv);
  const deps = createApiDeps(config, createLogger({ name: "api-faults", level: config.logLevel, pretty: false }));
  const app = await buildApp(deps);
  await app.ready();
  const db = createDb(databaseUrl);

  let proc: SpawnedProcess | undefined;
  // A process killed by a signal has no exit code, only a signal code.
  const running = () => proc !== undefined && proc.child.exitCode === null && proc.child.signalCode === null;
  const worker = {
    async start() {
      if (running()) return;
      proc = spawnEntry("apps/worker/src/main.ts", {
        ...fullEnv,
        LOG_LEVEL: process.env.FAULT_WORKER_LOG_LEVEL ?? "info",
      });
      await proc.waitForOutput(/worker started/, 120_000);
    },
    async kill() {
      if (!proc || !running()) return;
      const exited = proc.waitForExit();
      proc.kill();
      await exited;
    },
    output: () => `${proc?.output() ?? ""}\n(exit code ${proc?.child.exitCode}, pid ${proc?.child.pid})`,
  };

  return {
    pg,
    redis,
    sim,
    config,
    env: fullEnv,
    db,
    secretBox: new SecretBox(config.secrets.keys),
    api: { app, deps },
    worker,
    async close() {
      await worker.kill();
      await app.close().catch(() => undefined);
      await deps.close().catch(() => undefined);
      await db.$disconnect().catch(() => undefined);
      await sim.close();
      await redis.destroy();
      await pg.destroy();
    },
  };
}

/** Seconds between two instants, for the recovery tables. */
export const secondsSince = (start: number) => Math.round((Date.now() - start) / 100) / 10;
