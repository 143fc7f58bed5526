import { apiPath, type ClientContext } from "../context";
import type { OrganizerScoped } from "../types/common";
import type { GotoWebinarDetails } from "../types/webinars";
import { mapWebinarDetails } from "./map-webinar";

export interface WebinarRef extends OrganizerScoped {
  webinarKey: string;
}

/** One webinar; a cancelled webinar is a GotoNotFoundError. */
export async function getWebinar(ctx: ClientContext, options: WebinarRef): Promise<GotoWebinarDetails> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}`,
  });
  return mapWebinarDetails(data);
}
