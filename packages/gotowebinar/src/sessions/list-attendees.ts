import { apiPath, type ClientContext } from "../context";
import { listEmbedded } from "../http/embedded-list";
import type { AttendeeList, ListAttendeesOptions } from "../types/sessions";
import { mapAttendee } from "./map-session";

/** Attendees of all sessions of a webinar (one entry per attendee and session). */
export async function listAttendees(ctx: ClientContext, options: ListAttendeesOptions): Promise<AttendeeList> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { items, page } = await listEmbedded(ctx, {
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/attendees`,
    embeddedName: "attendeeParticipationResponses",
    map: (item) => mapAttendee(item),
    page: options.page,
    size: options.size,
    fetchAll: options.fetchAll,
    context: { list: "attendees", webinarKey: options.webinarKey },
  });
  return { attendees: items, page };
}
