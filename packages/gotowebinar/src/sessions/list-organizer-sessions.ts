import { apiPath, type ClientContext } from "../context";
import { listEmbeddedInRange } from "../http/embedded-list";
import type { ListOrganizerSessionsOptions, SessionList } from "../types/sessions";
import { mapSession } from "./map-session";

/** Completed sessions of all of an organizer's webinars in [fromTime, toTime]. */
export async function listOrganizerSessions(
  ctx: ClientContext,
  options: ListOrganizerSessionsOptions,
): Promise<SessionList> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { items, page } = await listEmbeddedInRange(ctx, options, {
    path: apiPath`/organizers/${organizerKey}/sessions`,
    embeddedName: "sessionInfoResources",
    map: mapSession,
    context: { list: "organizer sessions", organizerKey },
  });
  return { sessions: items, page };
}
