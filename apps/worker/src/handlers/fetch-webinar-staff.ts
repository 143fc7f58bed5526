import { fetchWebinarStaff } from "@gw/domain/exclusions";
import { connectGoto } from "./sync-support";
import type { JobHandler } from "./types";

/** A past webinar's staff for a role rule added after its last sync: background GoTo budget. */
export const handleFetchWebinarStaff: JobHandler<"fetch-webinar-staff"> = async (payload, ctx) => {
  const result = await fetchWebinarStaff({
    db: ctx.deps.db,
    webinarId: payload.webinarId,
    roles: payload.roles,
    connectGoto: connectGoto(ctx, "background"),
  });
  if (result.status === "skipped") {
    ctx.log.debug({ webinarId: payload.webinarId, reason: result.reason }, "webinar staff fetch skipped");
    return result;
  }
  ctx.log.info({ webinarId: payload.webinarId, ...result }, "fetched webinar staff");
  return result;
};
