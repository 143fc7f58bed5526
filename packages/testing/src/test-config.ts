import { type AppConfig, loadConfig } from "@gw/config";

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
