import { apiPath, type ClientContext } from "../context";
import type { TimeRange } from "../types/common";
import type { WebinarRef } from "./get-webinar";
import { mapTimes } from "./map-webinar";

/** The scheduled times of a webinar (future ones for a sequence). */
export async function getMeetingTimes(ctx: ClientContext, options: WebinarRef): Promise<TimeRange[]> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/meetingtimes`,
  });
  return mapTimes(data);
}
