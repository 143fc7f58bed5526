import type { AppConfig } from "@gw/config";
import {
  createFormViewCounter,
  createHostedFormCache,
  type FormViewCounter,
  type HostedFormCache,
} from "@gw/domain/forms";
import type { Logger } from "@gw/logger";
import { createJobWaiter, type JobWaiter } from "@gw/queues";
import { createProcessDeps, type ProcessDeps } from "@gw/runtime";

/** Everything the API's routes may use, built once in the composition root. */
export interface ApiDeps extends ProcessDeps {
  /** Waits for push-registration jobs to end (hosted forms answer once GoTo has the registrant). */
  registrationWaiter: JobWaiter;
  /** The hosted forms' definitions, cached for a couple of seconds per process. */
  hostedForms: HostedFormCache;
  /** Hosted form views, counted in memory and written in batches. */
  formViews: FormViewCounter;
}

export function createApiDeps(config: AppConfig, log: Logger): ApiDeps & { close(): Promise<void> } {
  const base = createProcessDeps(config, log, {
    redisRole: "producer",
    // A request waits at most this long for a connection: a hung or unreachable Postgres answers
    // 503 instead of holding requests (and their bodies) open without end.
    db: { connectionTimeoutMs: 10_000 },
  });
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
  const formViews = createFormViewCounter({ db: base.db, log });
  return {
    ...base,
    registrationWaiter,
    hostedForms: createHostedFormCache({ db: base.db }),
    formViews,
    async close() {
      await formViews.close().catch(() => undefined);
      await registrationWaiter.close().catch(() => undefined);
      await base.close();
    },
  };
}
