import { type Db, Prisma, sqlQuery } from "@gw/db";
import { reportWhere, type WebinarReportFilter } from "./list-webinar-report";

/** At most this many webinars in the trend: the newest ones, so the chart stays readable. */
export const TREND_LIMIT = 100;

export interface AttendanceTrendPoint {
  id: string;
  subject: string;
  startsAt: Date;
  registered: number;
  attended: number;
  absent: number;
  /** attended / registered; null when nobody registered. */
  attendanceRate: number | null;
}

export interface GetAttendanceTrendOptions extends Omit<WebinarReportFilter, "tab" | "includeCancelled"> {
  db: Db;
  now?: Date;
}

/**
 * Attendance across the finished webinars the report's filter matches, oldest first: one point per
 * webinar. Cancelled webinars have no attendance and are left out.
 */
export async function getAttendanceTrend(
  options: GetAttendanceTrendOptions,
): Promise<{ items: AttendanceTrendPoint[]; total: number; limit: number }> {
  const { db } = options;
  const where = reportWhere({ ...options, tab: "finished", includeCancelled: false }, options.now ?? new Date());
  const rows = await sqlQuery<Omit<AttendanceTrendPoint, "absent" | "attendanceRate">>(
    db,
    Prisma.sql`
    SELECT * FROM (
      SELECT w."id", w."subject", w."startsAt",
             COALESCE(counts.registered, 0)::int AS registered, COALESCE(counts.attended, 0)::int AS attended
      FROM "Webinar" w LEFT JOIN "WebinarCounts" counts ON counts."webinarId" = w."id"
      WHERE ${where}
      ORDER BY w."startsAt" DESC, w."id" DESC
      LIMIT ${TREND_LIMIT}
    ) newest ORDER BY "startsAt" ASC, "id" ASC`,
  );
  const [{ total }] = (await sqlQuery<{ total: number }>(
    db,
    Prisma.sql`
    SELECT count(*)::int AS total FROM "Webinar" w WHERE ${where}`,
  )) as [{ total: number }];
  return {
    items: rows.map((row) => ({
      ...row,
      absent: row.registered - row.attended,
      attendanceRate: row.registered > 0 ? row.attended / row.registered : null,
    })),
    total,
    limit: TREND_LIMIT,
  };
}
