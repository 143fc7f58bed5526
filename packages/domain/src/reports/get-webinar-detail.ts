import type { webinarDetail } from "@gw/api-contract";
import { type Db, pgQuery, type WebinarStatus } from "@gw/db";
import type { z } from "zod";
import { notFound } from "../errors/index";
import { toReportRow, type WebinarReportRawRow } from "./list-webinar-report";
import { listWebinarSources } from "./list-webinar-sources";
import { isFinished } from "./webinar-phase";

/** The webinar page's read: exactly the API's response (one source of truth, dates as Dates). */
export type WebinarDetail = z.infer<typeof webinarDetail>;
type WebinarQuestionView = WebinarDetail["questions"][number];
type ProgramView = NonNullable<WebinarDetail["program"]>;

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

interface WebinarRow {
  id: string;
  webinarKey: string;
  subject: string;
  description: string | null;
  registrationUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string | null;
  status: WebinarStatus;
  programId: string | null;
  lastPolledAt: Date | null;
  nextPollAt: Date | null;
  nextAttendanceSyncAt: Date | null;
  connectorId: string;
  connectorName: string;
}

interface SessionRow {
  id: string;
  sessionKey: string;
  startsAt: Date;
  endsAt: Date;
  registrantsAttended: number | null;
  registrantCount: number | null;
  percentageAttendance: number | null;
  averageInterestRating: number | null;
  averageAttentiveness: number | null;
  averageAttendanceSeconds: number | null;
  pollCount: number | null;
  surveyCount: number | null;
  questionsAsked: number | null;
  percentagePollsCompleted: number | null;
  percentageSurveysCompleted: number | null;
  performanceSyncedAt: Date | null;
}

/**
 * One webinar of the report, with its sessions and what a chart of it needs. A page load runs it,
 * so it reads with plain SQL (each Prisma call costs milliseconds of query compilation here) and
 * runs the independent reads together.
 */
export async function getWebinarDetail(options: GetWebinarDetailOptions): Promise<WebinarDetail> {
  const { db } = options;
  const now = options.now ?? new Date();
  const [[webinar], sessions] = await Promise.all([
    pgQuery<WebinarRow>(
      db,
      `SELECT w."id", w."webinarKey", w."subject", w."description", w."registrationUrl", w."startsAt", w."endsAt",
              w."timeZone", w."status"::text AS "status", w."programId", w."lastPolledAt", w."nextPollAt",
              w."nextAttendanceSyncAt", c."id" AS "connectorId", c."name" AS "connectorName"
       FROM "Webinar" w JOIN "Connector" c ON c."id" = w."connectorId"
       WHERE w."id" = $1::uuid AND w."accountId" = $2::uuid`,
      [options.webinarId, options.accountId],
    ),
    pgQuery<SessionRow>(
      db,
      `SELECT s."id", s."sessionKey", s."startsAt", s."endsAt", s."registrantsAttended", s."registrantCount",
              s."percentageAttendance", s."averageInterestRating", s."averageAttentiveness",
              s."averageAttendanceSeconds", s."pollCount", s."surveyCount", s."questionsAsked",
              s."percentagePollsCompleted", s."percentageSurveysCompleted", s."performanceSyncedAt"
       FROM "WebinarSession" s JOIN "Webinar" w ON w."id" = s."webinarId"
       WHERE s."webinarId" = $1::uuid AND w."accountId" = $2::uuid
       ORDER BY s."startsAt", s."id"`,
      [options.webinarId, options.accountId],
    ),
  ]);
  if (!webinar) throw notFound("Webinar", options.webinarId);

  const zone = seriesZone(webinar.timeZone);
  const [[counts], perDay, questions, program, sources] = await Promise.all([
    pgQuery<{ registered: number; attended: number; seconds: number }>(
      db,
      `SELECT count(*) FILTER (WHERE r."status" <> 'CANCELLED')::int AS "registered",
              count(*) FILTER (WHERE r."status" <> 'CANCELLED' AND r."attended")::int AS "attended",
              COALESCE(sum(r."attendanceSeconds") FILTER (WHERE r."status" <> 'CANCELLED' AND r."attended"), 0)::float8 AS "seconds"
       FROM "WebinarRegistration" r WHERE r."webinarId" = $1::uuid`,
      [webinar.id],
    ),
    pgQuery<{ date: string; count: number }>(
      db,
      `WITH d AS (
         SELECT (r."registeredAt" AT TIME ZONE $2)::date AS day, count(*)::int AS n
         FROM "WebinarRegistration" r
         WHERE r."webinarId" = $1::uuid AND r."status" <> 'CANCELLED'
         GROUP BY 1
       ), span AS (SELECT min(day) AS lo, max(day) AS hi FROM d)
       SELECT to_char(g.day, 'YYYY-MM-DD') AS "date", COALESCE(d.n, 0)::int AS "count"
       FROM span CROSS JOIN LATERAL generate_series(span.lo, span.hi, interval '1 day') AS g(day)
       LEFT JOIN d ON d.day = g.day::date
       ORDER BY g.day`,
      [webinar.id, zone],
    ),
    listQuestions(db, webinar.id, new Map(sessions.map((s) => [s.id, s.sessionKey]))),
    webinar.programId ? programOf(db, webinar.programId) : null,
    listWebinarSources({ db, webinarId: webinar.id }),
  ]);
  if (!counts) throw new Error("the count query returned no row");
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
    connectorId: webinar.connectorId,
    connectorName: webinar.connectorName,
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
    sessions: sessions.map((s) => ({
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
    questions,
    program,
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
    sources: sources.map((s) => ({
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
  const rows = await pgQuery<{
    id: string;
    sessionId: string;
    question: string;
    askedAt: Date | null;
    askedBy: string;
    answers: unknown;
    prospectId: string | null;
    email: string | null;
    firstName: string | null;
    lastName: string | null;
  }>(
    db,
    `SELECT q."id", q."sessionId", q."question", q."askedAt", q."askedBy", q."answers",
            p."id" AS "prospectId", p."email", p."firstName", p."lastName"
     FROM "SessionQuestion" q LEFT JOIN "Prospect" p ON p."id" = q."prospectId"
     WHERE q."webinarId" = $1::uuid
     ORDER BY q."askedAt" ASC NULLS LAST, q."id" ASC
     LIMIT 500`,
    [webinarId],
  );
  return rows.map((q) => ({
    id: q.id,
    sessionKey: sessionKeys.get(q.sessionId) ?? "",
    question: q.question,
    askedAt: q.askedAt,
    askedBy: q.askedBy,
    prospect: q.prospectId
      ? { id: q.prospectId, email: q.email ?? "", firstName: q.firstName, lastName: q.lastName }
      : null,
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
  const [program] = await pgQuery<{ id: string; subject: string }>(
    db,
    `SELECT "id", "subject" FROM "WebinarProgram" WHERE "id" = $1::uuid`,
    [programId],
  );
  if (!program) return null;
  const sessions = await pgQuery<ProgramView["sessions"][number]>(
    db,
    `SELECT w."id" AS "webinarId", w."subject", w."startsAt", w."status"::text AS "status",
       count(r."id") FILTER (WHERE r."status" <> 'CANCELLED')::int AS "registered",
       count(r."id") FILTER (WHERE r."status" <> 'CANCELLED' AND r."attended")::int AS "attended"
     FROM "Webinar" w LEFT JOIN "WebinarRegistration" r ON r."webinarId" = w."id"
     WHERE w."programId" = $1::uuid
     GROUP BY w."id" ORDER BY w."startsAt", w."id"`,
    [programId],
  );
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
