import type { Db, WebinarStatus } from "@gw/db";
import { notFound } from "../errors/index";
import { toReportRow, type WebinarReportRawRow, type WebinarReportRow } from "./list-webinar-report";
import { listWebinarSources } from "./list-webinar-sources";
import { isFinished } from "./webinar-phase";

export interface WebinarDetail {
  webinar: WebinarReportRow & {
    webinarKey: string;
    description: string | null;
    registrationUrl: string | null;
    finished: boolean;
    /** The last time its registrants (and attendance) were synced from GoTo. */
    lastSyncedAt: Date | null;
    /** Its next planned sync (registrants or attendance); null when none is planned. */
    nextSyncAt: Date | null;
  };
  sessions: {
    id: string;
    sessionKey: string;
    startsAt: Date;
    endsAt: Date;
    registrantsAttended: number | null;
    /** GoTo's session performance; null until synced after the session. */
    performance: SessionPerformanceView | null;
  }[];
  /** The questions attendees asked, with who asked them (newest sessions first, at most 500). */
  questions: WebinarQuestionView[];
  /** The series this webinar is a session of: every session with its counts, and the totals. */
  program: ProgramView | null;
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
  /** Registrations and attendance by source (attended null until the webinar is finished). */
  sources: { source: string | null; registered: number; attended: number | null }[];
}

export interface SessionPerformanceView {
  registrantCount: number | null;
  percentageAttendance: number | null;
  averageInterestRating: number | null;
  averageAttentiveness: number | null;
  averageMinutesAttended: number | null;
  pollCount: number | null;
  surveyCount: number | null;
  questionsAsked: number | null;
  percentagePollsCompleted: number | null;
  percentageSurveysCompleted: number | null;
}

export interface WebinarQuestionView {
  id: string;
  sessionKey: string;
  question: string;
  askedAt: Date | null;
  askedBy: string;
  prospect: { id: string; email: string; firstName: string | null; lastName: string | null } | null;
  answers: { answer: string; answeredBy: string | null }[];
}

export interface ProgramView {
  id: string;
  subject: string;
  sessions: {
    webinarId: string;
    subject: string;
    startsAt: Date;
    status: WebinarStatus;
    registered: number;
    attended: number;
  }[];
  totals: { registered: number; attended: number };
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
    programId: webinar.programId,
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
      lastSyncedAt: webinar.lastPolledAt,
      nextSyncAt: earliest(webinar.nextPollAt, webinar.nextAttendanceSyncAt),
    },
    sessions: webinar.sessions.map((s) => ({
      id: s.id,
      sessionKey: s.sessionKey,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      registrantsAttended: s.registrantsAttended,
      performance: s.performanceSyncedAt
        ? {
            registrantCount: s.registrantCount,
            percentageAttendance: s.percentageAttendance,
            averageInterestRating: s.averageInterestRating,
            averageAttentiveness: s.averageAttentiveness,
            averageMinutesAttended:
              s.averageAttendanceSeconds === null ? null : Math.round(s.averageAttendanceSeconds / 60),
            pollCount: s.pollCount,
            surveyCount: s.surveyCount,
            questionsAsked: s.questionsAsked,
            percentagePollsCompleted: s.percentagePollsCompleted,
            percentageSurveysCompleted: s.percentageSurveysCompleted,
          }
        : null,
    })),
    questions: await listQuestions(db, webinar.id, new Map(webinar.sessions.map((s) => [s.id, s.sessionKey]))),
    program: webinar.programId ? await programOf(db, webinar.programId) : null,
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
    sources: (await listWebinarSources({ db, webinarId: webinar.id })).map((s) => ({
      ...s,
      attended: finished ? s.attended : null,
    })),
  };
}

async function listQuestions(
  db: Db,
  webinarId: string,
  sessionKeys: Map<string, string>,
): Promise<WebinarQuestionView[]> {
  const rows = await db.sessionQuestion.findMany({
    where: { webinarId },
    orderBy: [{ askedAt: "asc" }, { id: "asc" }],
    take: 500,
    include: { prospect: { select: { id: true, email: true, firstName: true, lastName: true } } },
  });
  return rows.map((q) => ({
    id: q.id,
    sessionKey: sessionKeys.get(q.sessionId) ?? "",
    question: q.question,
    askedAt: q.askedAt,
    askedBy: q.askedBy,
    prospect: q.prospect,
    answers: (Array.isArray(q.answers) ? q.answers : []).map((a) => {
      const answer = (a ?? {}) as Record<string, unknown>;
      return {
        answer: typeof answer.answer === "string" ? answer.answer : "",
        answeredBy: typeof answer.answererEmail === "string" ? answer.answererEmail : null,
      };
    }),
  }));
}

/** A series: its sessions (each a webinar) with registrations and attendance, and the totals. */
async function programOf(db: Db, programId: string): Promise<ProgramView | null> {
  const program = await db.webinarProgram.findUnique({ where: { id: programId } });
  if (!program) return null;
  const sessions = await db.$queryRaw<ProgramView["sessions"]>`
    SELECT w."id" AS "webinarId", w."subject", w."startsAt", w."status"::text AS "status",
      count(r."id") FILTER (WHERE r."status" <> 'CANCELLED')::int AS "registered",
      count(r."id") FILTER (WHERE r."status" <> 'CANCELLED' AND r."attended")::int AS "attended"
    FROM "Webinar" w LEFT JOIN "WebinarRegistration" r ON r."webinarId" = w."id"
    WHERE w."programId" = ${programId}::uuid
    GROUP BY w."id" ORDER BY w."startsAt", w."id"`;
  return {
    id: program.id,
    subject: program.subject,
    sessions,
    totals: {
      registered: sessions.reduce((n, s) => n + s.registered, 0),
      attended: sessions.reduce((n, s) => n + s.attended, 0),
    },
  };
}

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
