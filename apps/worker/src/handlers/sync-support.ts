import { createConnectorGotoClient } from "@gw/domain/connectors";
import {
  type ConnectGoto,
  type DiscoverySettings,
  type DueWork,
  discoverWebinars,
  dispatchDueWork,
} from "@gw/domain/sync";
import type { GotoClient, RequestPriority } from "@gw/gotowebinar";
import { backfillConnectorJob, discoverWebinarsJob, type JobEnvelope, syncWebinarJob } from "@gw/queues";
import type { WorkerDeps } from "../deps";
import type { JobContext } from "./types";

/** The polling and discovery settings of the sync engine, from the app's config. */
export function syncSettings(deps: WorkerDeps): DiscoverySettings {
  const { sync } = deps.config;
  return {
    pollMinutes: sync.pollMinutes,
    attendanceDelaysMinutes: sync.attendanceDelaysMinutes,
    lookbackDays: sync.lookbackDays,
    discoveryEveryMinutes: sync.discoveryEveryMinutes,
  };
}

/**
 * A connector's GoTo client (tokens from the DB, its OAuth client's shared request budget).
 * Sync work waits behind form registrations: polls at "normal", backfills and discovery at
 * "background".
 */
export function connectGoto(ctx: JobContext, priority: RequestPriority): ConnectGoto<GotoClient> {
  const { db, config, secretBox } = ctx.deps;
  return (connector, hooks) =>
    createConnectorGotoClient({
      db,
      config,
      secretBox,
      connectorId: connector.id,
      log: ctx.log,
      priority,
      onRequest: hooks.onRequest,
    });
}

/**
 * Hands due work to the sync queue in one round trip (BullMQ's addBulk). Job ids are
 * deterministic (per connector, per webinar): work already waiting, delayed for a retry or
 * running is not added twice. Payloads are validated by the catalog's schemas, as `enqueue` does.
 */
export async function enqueueDueWork(
  deps: Pick<WorkerDeps, "queues">,
  work: DueWork[],
  requestId?: string,
): Promise<void> {
  if (work.length === 0) return;
  const jobs = work.map((item) => {
    const dueAt = item.dueAt.toISOString();
    const [definition, payload] =
      item.kind === "webinar"
        ? ([syncWebinarJob, syncWebinarJob.schema.parse({ webinarId: item.webinarId, dueAt })] as const)
        : item.kind === "backfill"
          ? ([
              backfillConnectorJob,
              backfillConnectorJob.schema.parse({ connectorId: item.connectorId, dueAt }),
            ] as const)
          : ([
              discoverWebinarsJob,
              discoverWebinarsJob.schema.parse({ connectorId: item.connectorId, dueAt }),
            ] as const);
    const jobId = (definition.jobId as (p: typeof payload) => string)(payload);
    const data: JobEnvelope = { payload, ...(requestId ? { requestId } : {}) };
    return { name: definition.name, data, opts: { ...definition.options, jobId } };
  });
  await deps.queues.sync.addBulk(jobs);
}

/**
 * Discovery or backfill of one connector, then its due webinars enqueued at once (after the
 * writes committed), not at the next dispatcher tick.
 */
export async function discoverAndEnqueue(
  ctx: JobContext,
  payload: { connectorId: string; dueAt?: string | null | undefined },
  options: { mode: "discovery" | "backfill"; logMessage: string; limit?: number },
) {
  const result = await discoverWebinars({
    db: ctx.deps.db,
    connectorId: payload.connectorId,
    connectGoto: connectGoto(ctx, "background"),
    settings: syncSettings(ctx.deps),
    mode: options.mode,
    dueAt: payload.dueAt ? new Date(payload.dueAt) : null,
    jobId: ctx.jobId,
  });
  if (result.status === "skipped") return result;
  ctx.log.info({ connectorId: payload.connectorId, ...result.details }, options.logMessage);
  const dispatched = await dispatchDueWork({
    db: ctx.deps.db,
    connectorId: payload.connectorId,
    ...(options.limit ? { limit: options.limit } : {}),
    sink: {
      enqueue: (work) =>
        enqueueDueWork(
          ctx.deps,
          work.filter((w) => w.kind === "webinar"),
          ctx.requestId,
        ),
    },
  });
  return { ...result.counts, ...result.details, enqueued: dispatched.webinars };
}
