import { discoverWebinars, dispatchDueWork } from "@gw/domain/sync";
import { connectGoto, enqueueDueWork, syncSettings } from "./sync-support";
import type { JobHandler } from "./types";

/** Discovery of one connector's webinars; new and changed ones are synced at once, not at the next tick. */
export const handleDiscoverWebinars: JobHandler<"discover-webinars"> = async (payload, ctx) => {
  const result = await discoverWebinars({
    db: ctx.deps.db,
    connectorId: payload.connectorId,
    connectGoto: connectGoto(ctx, "background"),
    settings: syncSettings(ctx.deps),
    mode: "discovery",
    dueAt: payload.dueAt ? new Date(payload.dueAt) : null,
    jobId: ctx.jobId,
  });
  if (result.status === "skipped") return result;
  ctx.log.info({ connectorId: payload.connectorId, ...result.details }, "discovered webinars");
  // After the writes committed (STYLE 13): the due webinars of this connector, now.
  const dispatched = await dispatchDueWork({
    db: ctx.deps.db,
    connectorId: payload.connectorId,
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
