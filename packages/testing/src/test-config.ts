import { type AppConfig, loadConfig } from "@gw/config";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { createTestRedis, type TestRedis } from "./test-redis";

/** The app's real config, pointed at a test database and key prefix, with overrides. */
export function testConfig(options: {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  env?: Record<string, string>;
}): AppConfig {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    MIGRATE_ON_START: "false",
    ...options.env,
  });
}

export interface TestStores {
  database: TestDatabase;
  redis: TestRedis;
  /** The config over both, with the test's settings. */
  config: AppConfig;
  /** The same settings as environment variables, for an app started as a process of its own. */
  env: Record<string, string>;
  /** Drops the database and the Redis keys. */
  close(): Promise<void>;
}

/**
 * What an app under test stands on: a database and a Redis prefix of its own, and the config
 * pointing at them. `databaseVia` rewrites the database URL the app is given (a proxy a test can cut).
 */
export async function createTestStores(
  label: string,
  options: { env?: Record<string, string>; databaseVia?: (url: string) => Promise<string> | string } = {},
): Promise<TestStores> {
  const database = await createTestDatabase(label);
  const redis = await createTestRedis(label);
  const databaseUrl = options.databaseVia ? await options.databaseVia(database.url) : database.url;
  const config = testConfig({ databaseUrl, redisUrl: redis.url, redisPrefix: redis.prefix, env: options.env });
  const env = {
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    MIGRATE_ON_START: "false",
    ...options.env,
  };
  return {
    database,
    redis,
    config,
    env,
    async close() {
      await redis.cleanup();
      await database.drop();
    },
  };
}
