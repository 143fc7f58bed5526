import type { WebinarStatus } from "@gw/db";

/** The webinar fields discovery keeps, from a GoTo list item or a get-one answer. */
export interface GotoWebinarLike {
  webinarKey: string;
  webinarId?: string;
  subject: string;
  description?: string;
  times: { startTime: string; endTime: string }[];
  timeZone?: string;
  approvalType?: string;
  registrationUrl?: string;
  recurrenceType?: string;
  type?: string;
  recurrenceKey?: string;
  experienceType?: string;
  isOndemand?: boolean;
}

export interface WebinarFields {
  webinarKey: string;
  webinarId: string | null;
  subject: string;
  description: string | null;
  timeZone: string | null;
  recurrenceType: string | null;
  recurrenceKey: string | null;
  /** Lower case: classic, broadcast, simulive. */
  experienceType: string | null;
  isOndemand: boolean;
  registrationUrl: string | null;
  approvalType: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Sorted, ISO 8601 with milliseconds: compares equal when GoTo's times did not change. */
  times: { startTime: string; endTime: string }[];
}

export function mapGotoWebinar(webinar: GotoWebinarLike): WebinarFields | null {
  const times = (webinar.times ?? [])
    .map((t) => ({ start: new Date(t.startTime), end: new Date(t.endTime) }))
    .filter((t) => !Number.isNaN(t.start.getTime()) && !Number.isNaN(t.end.getTime()))
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map((t) => ({ startTime: t.start.toISOString(), endTime: t.end.toISOString() }));
  const first = times[0];
  if (!first) return null;
  const endsAt = Math.max(...times.map((t) => new Date(t.endTime).getTime()));
  return {
    webinarKey: webinar.webinarKey,
    webinarId: webinar.webinarId || null,
    subject: webinar.subject || "(untitled webinar)",
    description: webinar.description ?? null,
    timeZone: webinar.timeZone ?? null,
    recurrenceType: webinar.recurrenceType ?? webinar.type ?? null,
    recurrenceKey: webinar.recurrenceKey ?? null,
    experienceType: webinar.experienceType?.toLowerCase() ?? null,
    isOndemand: webinar.isOndemand === true,
    registrationUrl: webinar.registrationUrl ?? null,
    approvalType: webinar.approvalType ?? null,
    startsAt: new Date(first.startTime),
    endsAt: new Date(endsAt),
    times,
  };
}

/** Status from the clock: LIVE between the first start and the last end. */
export function webinarStatusAt(fields: { startsAt: Date; endsAt: Date }, now: Date): WebinarStatus {
  if (now < fields.startsAt) return "SCHEDULED";
  if (now < fields.endsAt) return "LIVE";
  return "ENDED";
}

export function sessionsOf(times: unknown): { startsAt: Date; endsAt: Date }[] {
  if (!Array.isArray(times)) return [];
  return times
    .filter(
      (t): t is { startTime: string; endTime: string } =>
        typeof t?.startTime === "string" && typeof t?.endTime === "string",
    )
    .map((t) => ({ startsAt: new Date(t.startTime), endsAt: new Date(t.endTime) }));
}
