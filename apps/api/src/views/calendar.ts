import type { FormWebinar } from "@gw/domain/forms";
import ical from "ical-generator";

// Add-to-calendar for the thank-you page: an .ics file (Apple Calendar, Outlook, anything that
// opens iCalendar) built with ical-generator, and links that open Google Calendar and
// Outlook.com with the first session filled in.

export interface CalendarEntry {
  webinar: FormWebinar;
  /** The registrant's own join link from GoTo, when GoTo returned one. */
  joinUrl: string | null;
}

const detailsOf = ({ webinar, joinUrl }: CalendarEntry) =>
  [joinUrl ? `Join: ${joinUrl}` : null, webinar.description].filter(Boolean).join("\n\n");

/** Every session as an event; UIDs are stable per webinar and session so a second download updates, not duplicates. */
export function renderIcs(entry: CalendarEntry): string {
  const calendar = ical({ name: entry.webinar.subject, prodId: { company: "webinar-sync", product: "hosted-forms" } });
  entry.webinar.sessions.forEach((session, i) => {
    calendar.createEvent({
      id: `${entry.webinar.id}-${i}@webinar-sync`,
      start: session.startsAt,
      end: session.endsAt,
      summary: entry.webinar.subject,
      description: detailsOf(entry),
      ...(entry.joinUrl ? { url: entry.joinUrl, location: entry.joinUrl } : {}),
    });
  });
  return calendar.toString();
}

const compact = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export function googleCalendarUrl(entry: CalendarEntry): string {
  const first = entry.webinar.sessions[0]!;
  const url = new URL("https://calendar.google.com/calendar/render");
  url.searchParams.set("action", "TEMPLATE");
  url.searchParams.set("text", entry.webinar.subject);
  url.searchParams.set("dates", `${compact(first.startsAt)}/${compact(first.endsAt)}`);
  url.searchParams.set("details", detailsOf(entry));
  if (entry.joinUrl) url.searchParams.set("location", entry.joinUrl);
  return url.toString();
}

export function outlookCalendarUrl(entry: CalendarEntry): string {
  const first = entry.webinar.sessions[0]!;
  const url = new URL("https://outlook.live.com/calendar/0/deeplink/compose");
  url.searchParams.set("path", "/calendar/action/compose");
  url.searchParams.set("rru", "addevent");
  url.searchParams.set("subject", entry.webinar.subject);
  url.searchParams.set("startdt", first.startsAt.toISOString());
  url.searchParams.set("enddt", first.endsAt.toISOString());
  url.searchParams.set("body", detailsOf(entry));
  if (entry.joinUrl) url.searchParams.set("location", entry.joinUrl);
  return url.toString();
}
