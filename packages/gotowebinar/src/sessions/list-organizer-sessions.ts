import { apiPath, type ClientContext } from "../context";
import { listEmbedded } from "../http/embedded-list";
import { formatGotoTime } from "../http/transport";
import type { ListOrganizerSessionsOptions, SessionList } from "../types/sessions";
import { mapSession } from "./map-session";

/** Completed sessions of all of an organizer's webinars in [fromTime, toTime]. */
export async function listOrganizerSessions(
  ctx: ClientContext,
  options: ListOrganizerSessionsOptions,
): Promise<SessionList> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const path = apiPath`/organizers/${organizerKey}/sessions`;
  const { items, page } = await listEmbedded(ctx, {
    path,
    query: { fromTime: formatGotoTime(options.fromTime), toTime: formatGotoTime(options.toTime) },
    embeddedName: "sessionInfoResources",
    map: mapSession,
    page: options.page,
    size: options.size,
    fetchAll: options.fetchAll,
    context: { list: "organizer sessions", organizerKey },
  });
  return { sessions: items, page };
}
