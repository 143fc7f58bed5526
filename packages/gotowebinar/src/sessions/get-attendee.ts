import { apiPath, type ClientContext } from "../context";
import { mapRegistrant } from "../registrants/map-registrant";
import type { GotoRegistrant } from "../types/registrants";
import type { AttendeeRef } from "../types/sessions";

/** Registration details of one attendee of a session (GoTo answers with the Registrant shape). */
export async function getAttendee(ctx: ClientContext, options: AttendeeRef): Promise<GotoRegistrant> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/sessions/${options.sessionKey}/attendees/${options.registrantKey}`,
  });
  return mapRegistrant(data);
}
