import { type Db, type PgQueryDb, pgQuery, retryOnDeadlock } from "@gw/db";
import { emailKey } from "../prospects/normalize-email";
import { getScoringPoints } from "../scoring/get-scoring-rules";
import { type ActivityInput, recordActivities } from "../scoring/record-activities";
import type { AttendeeInput, PointsTable, SyncWebinar } from "./types";

export interface RecordAttendanceOptions {
  db: PgQueryDb & Pick<Db, "scoringRule">;
  webinar: SyncWebinar;
  /** Every attendee of every ended session GoTo reports for the webinar. */
  attendees: AttendeeInput[];
  /** emailKey → prospect id, as upsertRegistrants returned it (attendees are registrants). */
  prospectIdByEmail: Map<string, string>;
  points?: PointsTable;
  /** Return the ATTENDED activities instead of recording them. */
  deferActivities?: boolean;
  /**
   * Prospects whose registration upsertRegistrants created just now with this attendance
   * (`attendees` passed to it): current already, so not updated again.
   */
  writtenWithAttendance?: ReadonlySet<string>;
}

export interface RecordAttendanceResult {
  /** Registrations whose attendance changed. */
  updated: number;
  /** Attendees without a prospect (create-prospects off and unknown). */
  skipped: number;
  activitiesCreated: number;
  pointsAwarded: number;
  /** The ATTENDED activities to record, when deferActivities was set. */
  activities: ActivityInput[];
}

export interface AttendanceInterval {
  sessionKey: string;
  joinTime: string;
  leaveTime: string;
}

/** One prospect's attendance of a webinar, folded over its sessions and registrant keys. */
export interface AttendanceRow {
  prospectId: string;
  seconds: number;
  intervals: AttendanceInterval[];
  firstJoin: Date;
  registrantKeys: string[];
}

/**
 * The attendance per prospect (ordered by prospect id, intervals in a stable order, so that
 * unchanged attendance compares equal and a re-run writes nothing), and how many attendees have
 * no prospect.
 */
export function attendanceByProspect(
  webinar: Pick<SyncWebinar, "startsAt">,
  attendees: AttendeeInput[],
  prospectIdByEmail: Map<string, string>,
): { rows: AttendanceRow[]; skipped: number } {
  const byProspect = new Map<
    string,
    { seconds: number; intervals: AttendanceInterval[]; registrantKeys: Set<string> }
  >();
  let skipped = 0;
  for (const attendee of attendees) {
    const prospectId = attendee.email ? prospectIdByEmail.get(emailKey(attendee.email)) : undefined;
    if (!prospectId) {
      skipped++;
      continue;
    }
    const entry = byProspect.get(prospectId) ?? { seconds: 0, intervals: [], registrantKeys: new Set<string>() };
    entry.seconds += Math.max(0, Math.round(attendee.attendanceTimeInSeconds || 0));
    entry.registrantKeys.add(attendee.registrantKey);
    for (const interval of attendee.attendance ?? []) {
      entry.intervals.push({
        sessionKey: attendee.sessionKey,
        joinTime: new Date(interval.joinTime).toISOString(),
        leaveTime: new Date(interval.leaveTime).toISOString(),
      });
    }
    byProspect.set(prospectId, entry);
  }
  const rows = [...byProspect.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([prospectId, entry]) => {
      const intervals = entry.intervals.sort(
        (a, b) => a.joinTime.localeCompare(b.joinTime) || a.sessionKey.localeCompare(b.sessionKey),
      );
      const firstJoin = intervals[0] ? new Date(intervals[0].joinTime) : webinar.startsAt;
      return {
        prospectId,
        seconds: entry.seconds,
        intervals,
        firstJoin,
        registrantKeys: [...entry.registrantKeys].sort(),
      };
    });
  return { rows, skipped };
}

/**
 * SQL for the share of the webinar a stay of `seconds` is: the length of the sessions that ended
 * (GoTo's actual times), else of the schedule. `webinarId`: the parameter holding the webinar's id.
 */
export const attendancePercentSql = (seconds: string, webinarId: string) =>
  `round(LEAST(100, 100.0 * ${seconds} / NULLIF((
    SELECT COALESCE(
      (SELECT sum(extract(epoch FROM s."endsAt" - s."startsAt")) FROM "WebinarSession" s
       WHERE s."webinarId" = ${webinarId}::uuid AND s."endsAt" <= now()),
      (SELECT extract(epoch FROM w."endsAt" - w."startsAt") FROM "Webinar" w WHERE w."id" = ${webinarId}::uuid)
    )), 0))::numeric, 1)::float8`;

/**
 * Marks registrations attended, with the seconds and join/leave intervals of every session,
 * and records one ATTENDED activity per prospect at its first join. Late data (a later sync
 * sees more intervals) refreshes the registration and the activity's details; the points
 * were added once, when the activity was first recorded. (A registration upsertRegistrants
 * created with the same attendance is already current: the update passes it by.)
 */
export async function recordAttendance(options: RecordAttendanceOptions): Promise<RecordAttendanceResult> {
  const { db, webinar, prospectIdByEmail } = options;
  const { rows, skipped } = attendanceByProspect(webinar, options.attendees, prospectIdByEmail);
  const result: RecordAttendanceResult = {
    updated: 0,
    skipped,
    activitiesCreated: 0,
    pointsAwarded: 0,
    activities: [],
  };
  if (rows.length === 0) return result;

  const stale = options.writtenWithAttendance
    ? rows.filter((r) => !options.writtenWithAttendance?.has(r.prospectId))
    : rows;
  const [updated] =
    stale.length === 0
      ? []
      : await retryOnDeadlock(() =>
          pgQuery<{ count: number }>(
            db,
            `WITH changed AS (
      UPDATE "WebinarRegistration" r SET
        "attended" = true,
        "attendanceSeconds" = i.seconds,
        "attendance" = i.intervals,
        "joinedAt" = i.first_join,
        "attendancePercent" = i.percent,
        "updatedAt" = now()
      FROM (
        SELECT u.*, ${attendancePercentSql("u.seconds", "$1")} AS percent
        FROM unnest($2::uuid[], $3::int[], $4::jsonb[], $5::timestamptz[]) AS u(prospect_id, seconds, intervals, first_join)
      ) AS i
      WHERE r."webinarId" = $1::uuid AND r."prospectId" = i.prospect_id
        AND (r."attended", r."attendanceSeconds", r."attendance", r."joinedAt", r."attendancePercent")
          IS DISTINCT FROM (true, i.seconds, i.intervals, i.first_join, i.percent)
      RETURNING 1
      )
      SELECT count(*)::int AS count FROM changed`,
            [
              webinar.id,
              stale.map((r) => r.prospectId),
              stale.map((r) => r.seconds),
              stale.map((r) => JSON.stringify(r.intervals)),
              stale.map((r) => r.firstJoin),
            ],
          ),
        );
  result.updated = updated?.count ?? 0;

  // ATTENDED for every attendance, and beside it how: on demand when GoTo marks the webinar so.
  const how = webinar.isOndemand ? "WATCHED_ON_DEMAND" : "ATTENDED_LIVE";
  const activities: ActivityInput[] = rows.flatMap((r) => {
    const details = { attendanceSeconds: r.seconds, registrantKeys: r.registrantKeys, intervals: r.intervals };
    return [
      { prospectId: r.prospectId, webinarId: webinar.id, type: "ATTENDED" as const, occurredAt: r.firstJoin, details },
      { prospectId: r.prospectId, webinarId: webinar.id, type: how, occurredAt: r.firstJoin, details },
    ];
  });
  if (options.deferActivities) {
    result.activities = activities;
    return result;
  }
  const points = options.points ?? (await getScoringPoints({ db, accountId: webinar.accountId }));
  const recorded = await recordActivities({
    db,
    accountId: webinar.accountId,
    activities,
    points,
    refreshDetails: true,
  });
  result.activitiesCreated = recorded.created;
  result.pointsAwarded = recorded.pointsAwarded;
  return result;
}
