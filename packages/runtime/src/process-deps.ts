import type { AppConfig } from "@gw/config";
import { createDb, type Db } from "@gw/db";
import { closeProcessLimiterRegistries } from "@gw/domain/connectors";
import { SecretBox } from "@gw/domain/security";
import type { Logger } from "@gw/logger";
import { createQueues, createRedis, type Queues, type Redis } from "@gw/queues";

/** What both processes build once in their composition roots, before what each needs alone. */
export interface ProcessDeps {
  config: AppConfig;
  log: Logger;
  db: Db;
  /** The API's producer connection, or the worker's blocking one for BullMQ workers (see `createRedis`). */
  redis: Redis;
  /** Producers: the API's requests and the worker's jobs that enqueue further jobs (the dispatcher). */
  queues: Queues;
  /** Encrypts and decrypts connector tokens and client secrets at rest (SECRET_KEYS). */
  secretBox: SecretBox;
}

export interface ProcessDepsOptions {
  redisRole: "producer" | "worker";
  db?: Parameters<typeof createDb>[1];
}

export function createProcessDeps(
  config: AppConfig,
  log: Logger,
  options: ProcessDepsOptions,
): ProcessDeps & { close(): Promise<void> } {
  const db = createDb(config.databaseUrl, options.db);
  const redis = createRedis(config.redis.url, options.redisRole);
  // A Redis that is down must not crash the process: the API's readiness reports it and requests
  // that need it fail with 503, workers wait for it; state that must survive is in Postgres.
  redis.on("error", (error) => log.warn({ err: error }, "redis connection error"));
  const queues = createQueues(redis, config.redis.prefix);
  return {
    config,
    log,
    db,
    redis,
    queues,
    secretBox: new SecretBox(config.secrets.keys),
    async close() {
      await queues.close().catch(() => undefined);
      await closeProcessLimiterRegistries();
      redis.disconnect();
      await db.$disconnect();
    },
  };
}
