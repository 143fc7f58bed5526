import type { AppConfig } from "@gw/config";
import { createDb, type Db } from "@gw/db";
import { closeProcessLimiterRegistries } from "@gw/domain/connectors";
import { SecretBox } from "@gw/domain/security";
import type { Logger } from "@gw/logger";
import { createQueues, createRedis, type Queues, type Redis } from "@gw/queues";

/** Everything job handlers may use, built once in the composition root. */
export interface WorkerDeps {
  config: AppConfig;
  log: Logger;
  db: Db;
  /** Blocking connection for BullMQ workers. */
  redis: Redis;
  /** Producers, for jobs that enqueue further jobs (the dispatcher). */
  queues: Queues;
  /** Decrypts connector tokens and secrets (SECRET_KEYS). */
  secretBox: SecretBox;
}

export function createWorkerDeps(config: AppConfig, log: Logger): WorkerDeps & { close(): Promise<void> } {
  const db = createDb(config.databaseUrl, { poolSize: Math.max(10, config.worker.concurrency + 4) });
  const redis = createRedis(config.redis.url, "worker");
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
