// The polling policy (docs/architecture.md, "Polling policy"): a pure function of the webinar's
// times and the clock, so it is tested without infrastructure and the schedule it produces
// is stored in Postgres (Webinar.nextPollAt / nextAttendanceSyncAt).

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;

export interface PollingSettings {
  pollMinutes: {
    threeWeeksOrMore: number;
    twoToThreeWeeks: number;
    oneToTwoWeeks: number;
    underOneWeek: number;
  };
  /** After the end: one attendance sync at end + each delay (soon, later for late data, final). */
  attendanceDelaysMinutes: readonly number[];
}

export interface WebinarSchedule {
  startsAt: Date;
  endsAt: Date;
  /** Every session's times; a sequence runs several. Default: one session startsAt–endsAt. */
  sessions?: readonly { startsAt: Date; endsAt: Date }[];
}

export type SyncPhase = "upcoming" | "live" | "ended" | "final";

export interface SyncPlan {
  phase: SyncPhase;
  /** Next registrant poll; null once the attendance syncs take over (they re-read registrants). */
  nextPollAt: Date | null;
  /** Next attendance sync; before the end it is planned at end + first delay. */
  nextAttendanceSyncAt: Date | null;
  /** Minutes between registrant polls for an upcoming or live webinar. */
  pollIntervalMinutes: number | null;
}

/** Registrant poll interval for a webinar whose next session starts `msUntilStart` from now (≤ 0: live). */
export function pollIntervalMinutes(msUntilStart: number, settings: PollingSettings): number {
  const { pollMinutes } = settings;
  if (msUntilStart >= 3 * WEEK) return pollMinutes.threeWeeksOrMore;
  if (msUntilStart >= 2 * WEEK) return pollMinutes.twoToThreeWeeks;
  if (msUntilStart >= WEEK) return pollMinutes.oneToTwoWeeks;
  return pollMinutes.underOneWeek;
}

/**
 * What to do next for one webinar, decided at `now`:
 * - before its end: poll registrants every 2 h (≥ 3 weeks away), 1 h (2–3 weeks), 30 min
 *   (1–2 weeks) or 10 min (under a week, or live), measured to the next session that has not
 *   ended, and plan the first attendance sync at end + first delay;
 * - after its end: an attendance sync at end + each delay, the first one after the last sync
 *   done (`lastAttendanceSyncAt`; none yet → the first delay, due at once if already past);
 *   when no delay is left after the last sync, the webinar is final and never polled again.
 */
export function planWebinarSync(options: {
  schedule: WebinarSchedule;
  now: Date;
  settings: PollingSettings;
  lastAttendanceSyncAt?: Date | null;
}): SyncPlan {
  const { schedule, now, settings } = options;
  const sessions = schedule.sessions?.length
    ? schedule.sessions
    : [{ startsAt: schedule.startsAt, endsAt: schedule.endsAt }];
  const end = Math.max(schedule.endsAt.getTime(), ...sessions.map((s) => s.endsAt.getTime()));
  const t = now.getTime();
  const attendanceTimes = [...settings.attendanceDelaysMinutes]
    .sort((a, b) => a - b)
    .map((delay) => end + delay * MINUTE);

  if (t >= end) {
    const last = options.lastAttendanceSyncAt?.getTime();
    const next = last === undefined ? attendanceTimes[0] : attendanceTimes.find((at) => at > last);
    return next === undefined
      ? { phase: "final", nextPollAt: null, nextAttendanceSyncAt: null, pollIntervalMinutes: null }
      : { phase: "ended", nextPollAt: null, nextAttendanceSyncAt: new Date(next), pollIntervalMinutes: null };
  }

  const pending = sessions.filter((s) => s.endsAt.getTime() > t);
  const live = pending.some((s) => s.startsAt.getTime() <= t);
  const nextStart = Math.min(...pending.map((s) => s.startsAt.getTime()));
  const interval = pollIntervalMinutes(live ? 0 : nextStart - t, settings);
  const firstAttendance = attendanceTimes[0];
  const poll = t + interval * MINUTE;
  return {
    phase: live ? "live" : "upcoming",
    // After the end the attendance syncs take over (they re-read registrants too).
    nextPollAt: firstAttendance !== undefined && poll >= end ? null : new Date(poll),
    nextAttendanceSyncAt: firstAttendance === undefined ? null : new Date(firstAttendance),
    pollIntervalMinutes: interval,
  };
}
