import { connectorSyncStatusList, errorBody, syncNowAnswer, syncNowParams } from "@gw/api-contract";
import { DomainError } from "@gw/domain";
import { listSyncStatus, requestSyncNow, type SyncNowJob } from "@gw/domain/sync";
import { backfillConnectorJob, discoverWebinarsJob, enqueue, type JobDefinition, syncWebinarJob } from "@gw/queues";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { insuredLimiter } from "../plugins/insured-limiter";
import { accountPlugin } from "./account-routes";

/** Sync now may be asked this often per connector or webinar: enough to retry, not to hammer GoTo. */
export const SYNC_NOW_PER_MINUTE = 2;

const PENDING = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);
const refusals = { 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody, 429: errorBody };

/** Where each connector's sync stands, and "Sync now" for a connector or one webinar. */
export const syncNowRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["sync"], errors: refusals, check: "route" }, (route, app) => {
    const { db, queues } = deps;
    const limiter = insuredLimiter(deps.redis, `${deps.config.redis.prefix}:sync-now`, SYNC_NOW_PER_MINUTE, 60);

    const throttle = async (key: string, what: string) => {
      try {
        await limiter.consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new DomainError(
          "RATE_LIMITED",
          `${what} was synced on request a moment ago; its sync is under way. Try again in ${seconds} s.`,
        );
      }
    };

    // The scheduler's own jobs and ids: one already waiting or running is left as it is.
    const enqueueOnce = async <S extends z.ZodType>(
      definition: JobDefinition<string, S>,
      payload: z.input<S>,
      requestId: string,
    ) => {
      const jobId = definition.jobId?.(definition.schema.parse(payload) as z.infer<S>) ?? "";
      const existing = jobId ? await queues[definition.queue].getJob(jobId) : undefined;
      const pending = existing ? PENDING.has(await existing.getState()) : false;
      if (!pending) await enqueue(queues, definition, payload, { requestId });
      return { queued: !pending, jobId };
    };
    const enqueueSync = async (work: SyncNowJob, requestId: string) => {
      const { queued, jobId } =
        work.job === "sync-webinar"
          ? await enqueueOnce(syncWebinarJob, { webinarId: work.webinarId }, requestId)
          : await enqueueOnce(
              work.job === "backfill-connector" ? backfillConnectorJob : discoverWebinarsJob,
              { connectorId: work.connectorId },
              requestId,
            );
      return { queued, job: work.job, jobId };
    };

    route.get(
      "/api/connectors/sync-status",
      {
        summary: "Each connector's sync: initial sync progress, running now, last and next sync",
        reply: connectorSyncStatusList,
        errors: { 401: errorBody },
      },
      async ({ accountId }) => ({ items: await listSyncStatus({ db, accountId }) }),
    );

    const targets = [
      {
        path: "/api/connectors/:id/sync",
        summary: "Sync now: the connector's discovery and its upcoming webinars' registrants (rate-limited)",
        what: "This connector",
        target: (id: string) => ({ connectorId: id }),
      },
      {
        path: "/api/webinars/:id/sync",
        summary: "Sync now: one webinar's registrants, and its attendance once ended (rate-limited)",
        what: "This webinar",
        target: (id: string) => ({ webinarId: id }),
      },
    ] as const;
    for (const { path, summary, what, target } of targets) {
      route.post(
        path,
        {
          preHandler: app.requireAdmin,
          summary,
          params: syncNowParams,
          reply: syncNowAnswer,
        },
        async ({ accountId, params, request }) => {
          await throttle(`${path}:${params.id}`, what);
          const work = await requestSyncNow({ db, accountId, target: target(params.id) });
          return enqueueSync(work, request.id);
        },
      );
    }
  });
