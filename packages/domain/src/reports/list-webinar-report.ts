import { WEBINAR_REPORT_SORTS, type webinarReportRow } from "@gw/api-contract";
import { type Db, Prisma, sqlQuery, type WebinarStatus } from "@gw/db";
import type { z } from "zod";
import { cleanQuery, containsPattern, type Page, type PageRequest, pageWindow } from "../paging/paging";
import { isFinished, type ReportTab, tabCondition } from "./webinar-phase";

export { WEBINAR_REPORT_SORTS };
export type WebinarReportSort = (typeof WEBINAR_REPORT_SORTS)[number];

/** A row of the webinars report: exactly the API's (one source of truth, dates as Dates). */
export type WebinarReportRow = z.infer<typeof webinarReportRow>;

/** Which webinars a report shows, before sorting and paging (shared by the page, its CSV and its trend). */
export interface WebinarReportFilter {
  accountId: string;
  tab: ReportTab;
  connectorId?: string;
  q?: string;
  includeCancelled?: boolean;
  /** Webinars starting on or after this day (YYYY-MM-DD, in `timeZone`). */
  from?: string;
  /** Webinars starting on or before this day (YYYY-MM-DD, in `timeZone`). */
  to?: string;
  /** The IANA zone the days are cut in (the viewer's); UTC when absent. */
  timeZone?: string;
}

export interface ListWebinarReportOptions extends PageRequest, WebinarReportFilter {
  db: Db;
  sort?: WebinarReportSort;
  order?: "asc" | "desc";
  now?: Date;
}

interface RawRow {
  id: string;
  subject: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string | null;
  status: WebinarStatus;
  connectorId: string;
  connectorName: string;
  registered: number;
  attended: number;
  programId?: string | null;
  programSubject?: string | null;
}

// Counts are one index range per webinar: "registered" excludes cancelled registrations and
// "attended" is a subset of it, so absent = registered - attended never goes negative.
const COUNTS = Prisma.sql`
  SELECT count(*) FILTER (WHERE r."status" <> 'CANCELLED')::int AS registered,
         count(*) FILTER (WHERE r."status" <> 'CANCELLED' AND r."attended")::int AS attended
  FROM "WebinarRegistration" r WHERE r."webinarId" = w."id"`;

/** The filter in SQL over the alias `w`. */
export function reportWhere(filter: WebinarReportFilter, now: Date): Prisma.Sql {
  const q = cleanQuery(filter.q);
  const zone = filter.timeZone ?? "UTC";
  return Prisma.join(
    [
      Prisma.sql`w."accountId" = ${filter.accountId}::uuid`,
      tabCondition(filter.tab, now, filter.includeCancelled ?? true),
      filter.connectorId ? Prisma.sql`w."connectorId" = ${filter.connectorId}::uuid` : Prisma.sql`TRUE`,
      q ? Prisma.sql`w."subject" ILIKE ${containsPattern(q)}` : Prisma.sql`TRUE`,
      // A day is its midnight-to-midnight in the viewer's zone: "to" includes the whole day.
      filter.from
        ? Prisma.sql`w."startsAt" >= (${filter.from}::date::timestamp AT TIME ZONE ${zone})`
        : Prisma.sql`TRUE`,
      filter.to
        ? Prisma.sql`w."startsAt" < ((${filter.to}::date + 1)::timestamp AT TIME ZONE ${zone})`
        : Prisma.sql`TRUE`,
    ],
    " AND ",
  );
}

/**
 * The webinars report, one page of a tab, counted in SQL. Sorting by date or subject picks the
 * page from the webinars alone (index on accountId, startsAt) and counts only that page through
 * the (webinarId, attended) index; sorting by a count walks the kept counters' index (WebinarCounts). A
 * cancelled webinar has no attendance to rate: it sorts with the blanks.
 */
export async function listWebinarReport(options: ListWebinarReportOptions): Promise<Page<WebinarReportRow>> {
  const { db } = options;
  const now = options.now ?? new Date();
  const { page, pageSize, offset } = pageWindow(options);
  const where = reportWhere(options, now);
  const [rows, [counted]] = await Promise.all([
    queryReportRows(options, where, pageSize, offset),
    sqlQuery<{ total: number }>(db, Prisma.sql`SELECT count(*)::int AS total FROM "Webinar" w WHERE ${where}`),
  ]);
  const total = counted?.total ?? 0;

  return { items: rows.map((row) => toReportRow(row, now)), total, page, pageSize };
}

/** One window of the report's rows in its order (the page, or a batch of the CSV). */
export async function queryReportRows(
  options: Omit<ListWebinarReportOptions, keyof PageRequest>,
  where: Prisma.Sql,
  limit: number,
  offset: number,
): Promise<RawRow[]> {
  const { db } = options;
  const sort = options.sort ?? "startsAt";
  const order = options.order ?? (options.tab === "upcoming" ? "asc" : "desc");
  const dir = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  // Ties break on the date in the tab's natural direction, then the id, so pages never overlap.
  const tie = Prisma.raw(
    options.tab === "upcoming" ? `w."startsAt" ASC, w."id" ASC` : `w."startsAt" DESC, w."id" DESC`,
  );

  if (sort === "startsAt" || sort === "subject") {
    const orderBy =
      sort === "startsAt"
        ? Prisma.sql`w."startsAt" ${dir}, w."id" ${dir}`
        : Prisma.sql`lower(w."subject") ${dir}, ${tie}`;
    return sqlQuery<RawRow>(
      db,
      Prisma.sql`
      SELECT w."id", w."subject", w."startsAt", w."endsAt", w."timeZone", w."status"::text AS "status",
             w."connectorId", c."name" AS "connectorName", counts.registered, counts.attended,
             w."programId", (SELECT pr."subject" FROM "WebinarProgram" pr WHERE pr."id" = w."programId") AS "programSubject"
      FROM (SELECT w.* FROM "Webinar" w WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}) w
      JOIN "Connector" c ON c."id" = w."connectorId"
      CROSS JOIN LATERAL (${COUNTS}) counts
      ORDER BY ${orderBy}`,
    );
  }
  // Sorting by a count reads the counters the triggers keep (WebinarCounts: one row per
  // webinar, with its account, start and cancellation beside the counts) through the index of
  // that count, in order, and stops at the page. Each key and tie-breaker is spelled exactly as
  // its index (webinar_counts_sort and natural_sort_absent migrations) or the planner sorts every
  // webinar instead.
  const blanks = Prisma.raw(order === "asc" ? "NULLS FIRST" : "NULLS LAST");
  const key =
    sort === "registered"
      ? Prisma.sql`counts."registered" ${dir}`
      : sort === "attended"
        ? Prisma.sql`counts."attended" ${dir}`
        : sort === "absent"
          ? Prisma.sql`(CASE WHEN counts."cancelled" THEN NULL ELSE counts."registered" - counts."attended" END) ${dir} ${blanks}`
          : Prisma.sql`(CASE WHEN counts."cancelled" THEN NULL ELSE counts."attended"::float8 / NULLIF(counts."registered", 0) END) ${dir} ${blanks}`;
  const countsTie = Prisma.raw(
    options.tab === "upcoming"
      ? `counts."startsAt" ASC, counts."webinarId" ASC`
      : `counts."startsAt" DESC, counts."webinarId" DESC`,
  );
  return sqlQuery<RawRow>(
    db,
    Prisma.sql`
    SELECT w."id", w."subject", w."startsAt", w."endsAt", w."timeZone", w."status"::text AS "status",
           w."connectorId", c."name" AS "connectorName", counts."registered"::int AS registered, counts."attended"::int AS attended,
           w."programId", (SELECT pr."subject" FROM "WebinarProgram" pr WHERE pr."id" = w."programId") AS "programSubject"
    FROM "WebinarCounts" counts
    JOIN "Webinar" w ON w."id" = counts."webinarId"
    JOIN "Connector" c ON c."id" = w."connectorId"
    WHERE counts."accountId" = ${options.accountId}::uuid AND ${where}
    ORDER BY ${key}, ${countsTie}
    LIMIT ${limit} OFFSET ${offset}`,
  );
}

export function toReportRow(row: RawRow, now: Date): WebinarReportRow {
  const finished = isFinished(row, now);
  return {
    id: row.id,
    subject: row.subject,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    status: row.status,
    connector: { id: row.connectorId, name: row.connectorName },
    registered: row.registered,
    attended: finished ? row.attended : null,
    absent: finished ? row.registered - row.attended : null,
    attendanceRate: finished && row.registered > 0 ? row.attended / row.registered : null,
    program: row.programId ? { id: row.programId, subject: row.programSubject ?? row.subject } : null,
  };
}

export type { RawRow as WebinarReportRawRow };
