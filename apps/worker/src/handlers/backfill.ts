import { discoverWebinars, dispatchDueWork } from "@gw/domain/sync";
import { connectGoto, enqueueDueWork, syncSettings } from "./sync-support";
import type { JobHandler } from "./types";

/** The backfill after first verification: discovery plus every past webinar of the lookback window. */
export const handleBackfillConnector: JobHandler<"backfill-connector"> = async (payload, ctx) => {
  const result = await discoverWebinars({
    db: ctx.deps.db,
    connectorId: payload.connectorId,
    connectGoto: connectGoto(ctx, "background"),
    settings: syncSettings(ctx.deps),
    mode: "backfill",
    dueAt: payload.dueAt ? new Date(payload.dueAt) : null,
    jobId: ctx.jobId,
  });
  if (result.status === "skipped") return result;
  ctx.log.info({ connectorId: payload.connectorId, ...result.details }, "backfilled connector");
  const dispatched = await dispatchDueWork({
    db: ctx.deps.db,
    connectorId: payload.connectorId,
    limit: 100_000,
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
};
