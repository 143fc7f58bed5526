import { apiPath, type ClientContext } from "../context";
import { asArray } from "../http/values";
import type { GotoAttendee, SessionRef } from "../types/sessions";
import { mapAttendee } from "./map-session";

/** Everyone who attended one ended session, with join/leave intervals (not paged by GoTo). */
export async function listSessionAttendees(ctx: ClientContext, options: SessionRef): Promise<GotoAttendee[]> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/sessions/${options.sessionKey}/attendees`,
  });
  return asArray(data).map((item) => mapAttendee(item, options.sessionKey));
}
