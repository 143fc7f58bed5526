import { apiPath, type ClientContext } from "../context";
import type { GotoRegistrantDetails, RegistrantRef } from "../types/registrants";
import { mapRegistrantDetails } from "./map-registrant";

/** One registrant with every registration field and custom-question answer. */
export async function getRegistrant(ctx: ClientContext, options: RegistrantRef): Promise<GotoRegistrantDetails> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/registrants/${options.registrantKey}`,
  });
  return mapRegistrantDetails(data);
}
