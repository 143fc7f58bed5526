import { syncWebinar } from "@gw/domain/sync";
import { connectGoto, syncSettings } from "./sync-support";
import type { JobHandler } from "./types";

/** Registrants of one webinar, and its attendance once ended; the domain plans the next run. */
export const handleSyncWebinar: JobHandler<"sync-webinar"> = async (payload, ctx) => {
  const result = await syncWebinar({
    db: ctx.deps.db,
    webinarId: payload.webinarId,
    connectGoto: connectGoto(ctx, "normal"),
    settings: syncSettings(ctx.deps),
    dueAt: payload.dueAt ? new Date(payload.dueAt) : null,
    jobId: ctx.jobId,
    engagement: ctx.deps.config.sync.engagement,
  });
  if (result.status === "skipped") {
    ctx.log.debug({ webinarId: payload.webinarId, reason: result.reason }, "webinar sync skipped");
    return result;
  }
  ctx.log.info(
    { webinarId: payload.webinarId, kind: result.kind, phase: result.phase, ...result.details },
    "synced webinar",
  );
  return { kind: result.kind, phase: result.phase, ...result.counts, ...result.details };
};
