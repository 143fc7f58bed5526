import type { AppConfig } from "@gw/config";
import { createDb, type Db } from "@gw/db";
import { closeProcessLimiterRegistries } from "@gw/domain/connectors";
import {
  createFormViewCounter,
  createHostedFormCache,
  type FormViewCounter,
  type HostedFormCache,
} from "@gw/domain/forms";
import { SecretBox } from "@gw/domain/security";
import type { Logger } from "@gw/logger";
import { createJobWaiter, createQueues, createRedis, type JobWaiter, type Queues, type Redis } from "@gw/queues";

/** Everything the API's routes may use, built once in the composition root. */
export interface ApiDeps {
  config: AppConfig;
  log: Logger;
  db: Db;
  redis: Redis;
  queues: Queues;
  /** Encrypts tokens and client secrets at rest (SECRET_KEYS). */
  secretBox: SecretBox;
  /** Waits for push-registration jobs to end (hosted forms answer once GoTo has the registrant). */
  registrationWaiter: JobWaiter;
  /** The hosted forms' definitions, cached for a couple of seconds per process. */
  hostedForms: HostedFormCache;
  /** Hosted form views, counted in memory and written in batches. */
  formViews: FormViewCounter;
}

export function createApiDeps(config: AppConfig, log: Logger): ApiDeps & { close(): Promise<void> } {
  // A request waits at most this long for a connection: a hung or unreachable Postgres answers
  // 503 instead of holding requests (and their bodies) open without end.
  const db = createDb(config.databaseUrl, { connectionTimeoutMs: 10_000 });
  const redis = createRedis(config.redis.url, "producer");
  // A Redis that is down must not crash the API: readiness reports it and requests that need
  // it fail with 503, while state that must survive is already in Postgres.
  redis.on("error", (error) => log.warn({ err: error }, "redis connection error"));
  const queues = createQueues(redis, config.redis.prefix);
  // Its Redis reader opens on the first form submission, not for every API process that never sees one.
  let waiter: JobWaiter | undefined;
  const registrationWaiter: JobWaiter = {
    expect: (jobId, deadline) => {
      waiter ??= createJobWaiter({
        redisUrl: config.redis.url,
        prefix: config.redis.prefix,
        queue: "registrations",
        onError: (error) => log.debug({ err: error }, "registration waiter: redis error"),
      });
      return waiter.expect(jobId, deadline);
    },
    close: async () => waiter?.close(),
  };
  const formViews = createFormViewCounter({ db, log });
  return {
    config,
    log,
    db,
    redis,
    queues,
    secretBox: new SecretBox(config.secrets.keys),
    registrationWaiter,
    hostedForms: createHostedFormCache({ db }),
    formViews,
    async close() {
      await formViews.close().catch(() => undefined);
      await registrationWaiter.close().catch(() => undefined);
      await queues.close().catch(() => undefined);
      await closeProcessLimiterRegistries();
      redis.disconnect();
      await db.$disconnect();
    },
  };
}
