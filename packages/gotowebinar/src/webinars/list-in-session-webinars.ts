import { apiPath, type ClientContext } from "../context";
import { formatGotoTime } from "../http/transport";
import { asArray } from "../http/values";
import type { GotoWebinar, ListInSessionWebinarsOptions } from "../types/webinars";
import { mapWebinar } from "./map-webinar";

/** Webinars in session now (all of them without a range). */
export async function listInSessionWebinars(
  ctx: ClientContext,
  options: ListInSessionWebinarsOptions = {},
): Promise<GotoWebinar[]> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/insessionWebinars`,
    query: {
      fromTime: options.fromTime === undefined ? undefined : formatGotoTime(options.fromTime),
      toTime: options.toTime === undefined ? undefined : formatGotoTime(options.toTime),
    },
  });
  return asArray(data).map(mapWebinar);
}
