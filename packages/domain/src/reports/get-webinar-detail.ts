import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { toReportRow, type WebinarReportRawRow, type WebinarReportRow } from "./list-webinar-report";
import { isFinished } from "./webinar-phase";

export interface WebinarDetail {
  webinar: WebinarReportRow & {
    webinarKey: string;
    description: string | null;
    registrationUrl: string | null;
    finished: boolean;
  };
  sessions: { id: string; sessionKey: string; startsAt: Date; endsAt: Date; registrantsAttended: number | null }[];
  /** Registrations (not cancelled) per calendar day in the webinar's zone, gaps filled with 0. */
  registrationsPerDay: { date: string; count: number; cumulative: number }[];
  /** The zone the days above are cut in. */
  seriesTimeZone: string;
  attendance: {
    registered: number;
    attended: number | null;
    absent: number | null;
    totalMinutesAttended: number | null;
    averageMinutesAttended: number | null;
  };
}

export interface GetWebinarDetailOptions {
  db: Db;
  accountId: string;
  webinarId: string;
  now?: Date;
}

/** Zones Postgres and Intl both understand; anything else is cut in UTC rather than failing. */
function seriesZone(timeZone: string | null): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** One webinar of the report, with its sessions and what a chart of it needs. */
export async function getWebinarDetail(options: GetWebinarDetailOptions): Promise<WebinarDetail> {
  const { db } = options;
  const now = options.now ?? new Date();
  const webinar = await db.webinar.findFirst({
    where: { id: options.webinarId, accountId: options.accountId },
    include: { connector: { select: { id: true, name: true } }, sessions: { orderBy: { startsAt: "asc" } } },
  });
  if (!webinar) throw notFound("Webinar", options.webinarId);

  const [counts] = (await db.$queryRaw<{ registered: number; attended: number; seconds: number }[]>`
    SELECT count(*) FILTER (WHERE r."status" <> 'CANCELLED')::int AS registered,
           count(*) FILTER (WHERE r."status" <> 'CANCELLED' AND r."attended")::int AS attended,
           COALESCE(sum(r."attendanceSeconds") FILTER (WHERE r."status" <> 'CANCELLED' AND r."attended"), 0)::float8 AS seconds
    FROM "WebinarRegistration" r WHERE r."webinarId" = ${webinar.id}::uuid`) as [
    { registered: number; attended: number; seconds: number },
  ];

  const zone = seriesZone(webinar.timeZone);
  const perDay = await db.$queryRaw<{ date: string; count: number }[]>`
    WITH d AS (
      SELECT (r."registeredAt" AT TIME ZONE ${zone})::date AS day, count(*)::int AS n
      FROM "WebinarRegistration" r
      WHERE r."webinarId" = ${webinar.id}::uuid AND r."status" <> 'CANCELLED'
      GROUP BY 1
    ), span AS (SELECT min(day) AS lo, max(day) AS hi FROM d)
    SELECT to_char(g.day, 'YYYY-MM-DD') AS date, COALESCE(d.n, 0)::int AS count
    FROM span CROSS JOIN LATERAL generate_series(span.lo, span.hi, interval '1 day') AS g(day)
    LEFT JOIN d ON d.day = g.day::date
    ORDER BY g.day`;
  let cumulative = 0;
  const registrationsPerDay = perDay.map((day) => {
    cumulative += day.count;
    return { date: day.date, count: day.count, cumulative };
  });

  const raw: WebinarReportRawRow = {
    id: webinar.id,
    subject: webinar.subject,
    startsAt: webinar.startsAt,
    endsAt: webinar.endsAt,
    timeZone: webinar.timeZone,
    status: webinar.status,
    connectorId: webinar.connector.id,
    connectorName: webinar.connector.name,
    registered: counts.registered,
    attended: counts.attended,
  };
  const row = toReportRow(raw, now);
  const finished = isFinished(webinar, now);
  const totalMinutes = Math.round(counts.seconds / 60);
  return {
    webinar: {
      ...row,
      webinarKey: webinar.webinarKey,
      description: webinar.description,
      registrationUrl: webinar.registrationUrl,
      finished,
    },
    sessions: webinar.sessions.map((s) => ({
      id: s.id,
      sessionKey: s.sessionKey,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      registrantsAttended: s.registrantsAttended,
    })),
    registrationsPerDay,
    seriesTimeZone: zone,
    attendance: {
      registered: counts.registered,
      attended: row.attended,
      absent: row.absent,
      totalMinutesAttended: finished ? totalMinutes : null,
      averageMinutesAttended:
        finished && counts.attended > 0 ? Math.round(counts.seconds / 60 / counts.attended) : null,
    },
  };
}
