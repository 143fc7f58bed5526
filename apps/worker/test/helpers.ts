import type { AppConfig } from "@gw/config";
import { createLogger } from "@gw/logger";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis, testConfig } from "@gw/testing";
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
