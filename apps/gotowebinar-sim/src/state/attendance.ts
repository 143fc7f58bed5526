import { notFound } from "../errors";
import { hashUnit } from "../random";
import type { Attendee, Join, SessionView, Webinar } from "./types";

/**
 * GoTo has attendance data only for sessions that have ended (§5), so a session exists for the
 * API only once the sim clock is past its end. Attendees are recorded joins plus, for the
 * webinar's attendanceRatio, invented ones derived from a hash so reads are repeatable.
 */
export function endedSessions(webinar: Webinar, now: number): SessionView[] {
  if (webinar.cancelled) return [];
  const sessions: SessionView[] = [];
  webinar.times.forEach((t, index) => {
    if (t.endTime <= now) {
      sessions.push({ webinar, index, sessionKey: webinar.sessionKeys[index] ?? "", ...t });
    }
  });
  return sessions;
}

export function findEndedSession(webinar: Webinar, sessionKey: string, now: number): SessionView {
  const session = endedSessions(webinar, now).find((s) => s.sessionKey === sessionKey);
  if (!session) throw notFound(`Session with key ${sessionKey} not found`);
  return session;
}

/** Index of the session a join at `time` belongs to: the one running, else the next, else the last. */
export function sessionIndexAt(webinar: Webinar, time: number): number {
  const running = webinar.times.findIndex((t) => t.startTime <= time && time < t.endTime);
  if (running >= 0) return running;
  const next = webinar.times.findIndex((t) => t.startTime > time);
  return next >= 0 ? next : webinar.times.length - 1;
}

const cache = new WeakMap<Webinar, Map<number, { version: number; attendees: Attendee[] }>>();

export function attendeesOf(session: SessionView): Attendee[] {
  const webinar = session.webinar;
  let perSession = cache.get(webinar);
  if (!perSession) {
    perSession = new Map();
    cache.set(webinar, perSession);
  }
  const hit = perSession.get(session.index);
  if (hit && hit.version === webinar.version) return hit.attendees;
  const attendees = computeAttendees(session);
  perSession.set(session.index, { version: webinar.version, attendees });
  return attendees;
}

function computeAttendees(session: SessionView): Attendee[] {
  const webinar = session.webinar;
  const attendees: Attendee[] = [];
  for (const registrant of webinar.registrants.values()) {
    const joins = (webinar.joins.get(registrant.registrantKey) ?? []).filter((j) => j.sessionIndex === session.index);
    let intervals: Attendee["intervals"];
    if (joins.length > 0) {
      intervals = recordedIntervals(joins, session);
    } else {
      if (registrant.status !== "APPROVED" || registrant.registrationDate >= session.endTime) continue;
      const seed = webinar.attendanceSeed;
      if (hashUnit(seed, registrant.registrantKey, session.index) >= webinar.attendanceRatio) continue;
      intervals = inventedIntervals(seed, registrant.registrantKey, session);
    }
    const seconds = intervals.reduce((sum, i) => sum + Math.round((i.leaveTime - i.joinTime) / 1000), 0);
    attendees.push({ registrant, sessionKey: session.sessionKey, intervals, attendanceTimeInSeconds: seconds });
  }
  return attendees;
}

function recordedIntervals(joins: Join[], session: SessionView): Attendee["intervals"] {
  const sorted = [...joins].sort((a, b) => a.joinTime - b.joinTime);
  return sorted.map((join, i) => {
    const next = sorted[i + 1]?.joinTime ?? Number.POSITIVE_INFINITY;
    const leaveTime = join.leaveTime ?? Math.max(join.joinTime, Math.min(next, session.endTime));
    return { joinTime: join.joinTime, leaveTime };
  });
}

/** Inside the session; about a quarter of people drop out once and come back. */
function inventedIntervals(seed: number, registrantKey: string, session: SessionView): Attendee["intervals"] {
  const duration = session.endTime - session.startTime;
  const second = (ms: number) => Math.floor(ms / 1000) * 1000;
  const join = second(session.startTime + hashUnit(seed, registrantKey, session.index, "join") * 0.15 * duration);
  const stay = (0.35 + 0.65 * hashUnit(seed, registrantKey, session.index, "stay")) * duration;
  const leave = second(Math.min(session.endTime, join + stay));
  if (hashUnit(seed, registrantKey, session.index, "drop") >= 0.25 || leave - join < 60_000) {
    return [{ joinTime: join, leaveTime: leave }];
  }
  const dropAt = second(join + (leave - join) * 0.4);
  const backAt = second(dropAt + (leave - join) * 0.2);
  return [
    { joinTime: join, leaveTime: dropAt },
    { joinTime: backAt, leaveTime: leave },
  ];
}
