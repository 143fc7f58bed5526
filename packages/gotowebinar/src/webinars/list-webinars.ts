import { apiPath, type ClientContext } from "../context";
import { listEmbeddedInRange } from "../http/embedded-list";
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
  const { items, page } = await listEmbeddedInRange(ctx, options, {
    path,
    embeddedName: "webinars",
    map: mapWebinar,
    context: { list: "webinars", path },
  });
  return { webinars: items, page };
}
