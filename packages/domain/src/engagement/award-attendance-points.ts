import { type PgQueryDb, pgQuery, retryOnDeadlock } from "@gw/db";

/**
 * Gives the points of the account's attendance threshold rules ("at least N minutes", "at
 * least P % of the session") to the webinar's attendees who reached them. Each rule pays once
 * per prospect and webinar (the award's key), in the same statement as the score update.
 */
export interface AwardAttendancePointsOptions {
  db: PgQueryDb;
  webinar: { id: string; accountId: string };
}

export async function awardAttendancePoints({
  db,
  webinar,
}: AwardAttendancePointsOptions): Promise<{ awards: number; points: number }> {
  const [row] = await retryOnDeadlock(() =>
    pgQuery<{ awards: number; points: number }>(
      db,
      `WITH hits AS (
         SELECT rule."id" AS rule_id, r."prospectId", rule."points", r."attendanceSeconds", r."attendancePercent"
         FROM "AttendanceScoringRule" rule
         JOIN "WebinarRegistration" r ON r."webinarId" = $2::uuid AND r."attended"
         WHERE rule."accountId" = $1::uuid
           AND (rule."minMinutes" IS NULL OR r."attendanceSeconds" >= rule."minMinutes" * 60)
           AND (rule."minPercent" IS NULL OR COALESCE(r."attendancePercent", 0) >= rule."minPercent")
         ORDER BY r."prospectId", rule."id"
       ), ins AS (
         INSERT INTO "AttendanceScoreAward" ("ruleId", "prospectId", "webinarId", "accountId", "points", "details")
         SELECT rule_id, "prospectId", $2::uuid, $1::uuid, "points",
           jsonb_build_object('attendanceSeconds', "attendanceSeconds", 'attendancePercent', "attendancePercent")
         FROM hits
         ON CONFLICT DO NOTHING
         RETURNING "prospectId", "points"
       ), sums AS (
         SELECT "prospectId", SUM("points")::int AS points FROM ins GROUP BY 1 HAVING SUM("points") <> 0
       ), scored AS (
         UPDATE "Prospect" p SET "score" = p."score" + sums.points, "updatedAt" = now()
         FROM sums WHERE p."id" = sums."prospectId" RETURNING 1
       )
       SELECT count(*)::int AS awards, COALESCE(SUM("points"), 0)::int AS points FROM ins`,
      [webinar.accountId, webinar.id],
    ),
  );
  return { awards: row?.awards ?? 0, points: row?.points ?? 0 };
}
