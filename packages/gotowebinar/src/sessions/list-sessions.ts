import { apiPath, type ClientContext } from "../context";
import { listEmbedded } from "../http/embedded-list";
import type { ListSessionsOptions, SessionList } from "../types/sessions";
import { mapSession } from "./map-session";

/** Completed sessions of one webinar. */
export async function listSessions(ctx: ClientContext, options: ListSessionsOptions): Promise<SessionList> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const path = apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/sessions`;
  const { items, page } = await listEmbedded(ctx, {
    path,
    embeddedName: "sessionInfoResources",
    map: mapSession,
    page: options.page,
    size: options.size,
    fetchAll: options.fetchAll,
    context: { list: "sessions", webinarKey: options.webinarKey },
  });
  return { sessions: items, page };
}
