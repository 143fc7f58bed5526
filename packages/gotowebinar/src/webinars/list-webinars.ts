import { apiPath, type ClientContext } from "../context";
import { listEmbedded } from "../http/embedded-list";
import { formatGotoTime } from "../http/transport";
import type { ListWebinarsOptions, WebinarList } from "../types/webinars";
import { mapWebinar } from "./map-webinar";

/**
 * Upcoming and past webinars scheduled in [fromTime, toTime], of one organizer or (with
 * accountKey) of the whole account. The seed's "Get Webinars".
 */
export async function listWebinars(ctx: ClientContext, options: ListWebinarsOptions): Promise<WebinarList> {
  const path =
    options.accountKey !== undefined
      ? apiPath`/accounts/${options.accountKey}/webinars`
      : apiPath`/organizers/${await ctx.organizerKey(options.organizerKey)}/webinars`;
  const { items, page } = await listEmbedded(ctx, {
    path,
    query: { fromTime: formatGotoTime(options.fromTime), toTime: formatGotoTime(options.toTime) },
    embeddedName: "webinars",
    map: mapWebinar,
    page: options.page,
    size: options.size,
    fetchAll: options.fetchAll,
    context: { list: "webinars", path },
  });
  return { webinars: items, page };
}
