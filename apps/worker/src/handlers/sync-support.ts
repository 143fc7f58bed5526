import { createConnectorGotoClient } from "@gw/domain/connectors";
import type { ConnectGoto, DiscoverySettings, DueWork } from "@gw/domain/sync";
import type { GotoClient } from "@gw/gotowebinar";
import { backfillConnectorJob, discoverWebinarsJob, enqueue, syncWebinarJob } from "@gw/queues";
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

/** A connector's GoTo client (tokens from the DB, the process's limiter for that connector). */
export function connectGoto(ctx: JobContext): ConnectGoto<GotoClient> {
  const { db, config, secretBox } = ctx.deps;
  return (connector, hooks) =>
    createConnectorGotoClient({ db, config, secretBox, connectorId: connector.id, log: ctx.log, onRequest: hooks.onRequest });
}

/**
 * Hands due work to the sync queue. Job ids are deterministic (per connector, per webinar):
 * work already waiting, delayed for a retry or running is not added twice.
 */
export async function enqueueDueWork(deps: Pick<WorkerDeps, "queues">, work: DueWork[], requestId?: string): Promise<void> {
  const options = requestId ? { requestId } : {};
  await Promise.all(
    work.map((item) => {
      const dueAt = item.dueAt.toISOString();
      switch (item.kind) {
        case "backfill":
          return enqueue(deps.queues, backfillConnectorJob, { connectorId: item.connectorId, dueAt }, options);
        case "discovery":
          return enqueue(deps.queues, discoverWebinarsJob, { connectorId: item.connectorId, dueAt }, options);
        case "webinar":
          return enqueue(deps.queues, syncWebinarJob, { webinarId: item.webinarId, dueAt }, options);
      }
    }),
  );
}
