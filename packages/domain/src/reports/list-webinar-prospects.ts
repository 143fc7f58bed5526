import { WEBINAR_PROSPECT_SORTS, type webinarProspect } from "@gw/api-contract";
import { type Db, Prisma, sqlQuery } from "@gw/db";
import type { z } from "zod";
import { cleanQuery, type Page, type PageRequest, pageWindow } from "../paging/paging";
import { prospectSearchCondition } from "../prospects/prospect-search-condition";
import { findDrillDownWebinar } from "./find-drill-down-webinar";
import { filteredCondition, type Segment, segmentCondition, sourceCondition } from "./segment";
import { isFinished } from "./webinar-phase";

export { WEBINAR_PROSPECT_SORTS };
export type WebinarProspectSort = (typeof WEBINAR_PROSPECT_SORTS)[number];

/** A row of a webinar's drill-down: exactly the API's (one source of truth, dates as Dates). */
export type WebinarProspectRow = z.infer<typeof webinarProspect>;

export interface ListWebinarProspectsOptions extends PageRequest {
  db: Db;
  accountId: string;
  webinarId: string;
  segment: Segment;
  q?: string;
  /** Only registrations from this source label; "" for those without one. */
  source?: string;
  /** Filtered prospects are hidden unless true. */
  includeFiltered?: boolean;
  sort?: WebinarProspectSort;
  order?: "asc" | "desc";
  now?: Date;
}

const SORT_KEYS: Record<WebinarProspectSort, string[]> = {
  email: [`p."email" COLLATE "natural"`],
  name: [`lower(p."lastName")`, `lower(p."firstName")`],
  company: [`lower(p."company")`],
  status: [`r."status"`],
  minutes: [`r."attendanceSeconds"`],
  percent: [`r."attendancePercent"`],
  questions: [`r."questionsAsked"`],
  registeredAt: [`r."registeredAt"`],
};

/**
 * ORDER BY for a whitelisted sort; blanks go last either way and the id keeps pages stable.
 * E-mails sort naturally ("natural" collation, see its migration): a2 before a10, case aside.
 */
export function drillDownOrder(sort: WebinarProspectSort, order: "asc" | "desc"): Prisma.Sql {
  const dir = order === "asc" ? "ASC" : "DESC";
  const keys = SORT_KEYS[sort].map((key) => `${key} ${dir} NULLS LAST`);
  return Prisma.raw([...keys, `p."email" COLLATE "natural" ASC`, `p."id" ASC`].join(", "));
}

export const DRILL_DOWN_COLUMNS = Prisma.sql`
  p."id", p."email", p."firstName", p."lastName", p."company", r."status"::text AS "status", r."attended",
  ((r."attendanceSeconds" + 30) / 60)::int AS "minutesAttended", r."attendancePercent" AS "percentAttended",
  r."questionsAsked", r."pollsAnswered", r."surveysAnswered", r."registeredAt", r."sourceLabel" AS "source",
  p."filtered"`;

/** The drill-down's tab counts: the registered / attended / absent segments under the same switches. */
export interface DrillDownCounts {
  registered: number;
  /** Null until the webinar has finished, as in the report. */
  attended: number | null;
  absent: number | null;
}

/**
 * One page of the prospects behind a webinar's count, with the count of each segment as the page
 * shows them: filtered prospects and the source filter apply to the tabs as to the rows (the
 * search does not: the tabs name the segments, the page's total counts the matches).
 */
export async function listWebinarProspects(
  options: ListWebinarProspectsOptions,
): Promise<Page<WebinarProspectRow> & { segment: Segment; counts: DrillDownCounts }> {
  const { db } = options;
  const webinar = await findDrillDownWebinar(options);
  const { page, pageSize, offset } = pageWindow(options);
  const scope = Prisma.sql`r."webinarId" = ${webinar.id}::uuid AND ${filteredCondition(options.includeFiltered)}
    AND ${sourceCondition(options.source)}`;
  const matches = Prisma.sql`${segmentCondition(options.segment)} AND ${prospectSearchCondition(cleanQuery(options.q))}`;

  const [items, [tally]] = await Promise.all([
    sqlQuery<WebinarProspectRow>(
      db,
      Prisma.sql`
      SELECT ${DRILL_DOWN_COLUMNS}
      FROM "WebinarRegistration" r JOIN "Prospect" p ON p."id" = r."prospectId"
      WHERE ${scope} AND ${matches}
      ORDER BY ${drillDownOrder(options.sort ?? "email", options.order ?? "asc")}
      LIMIT ${pageSize} OFFSET ${offset}`,
    ),
    sqlQuery<{ total: number; registered: number; attended: number }>(
      db,
      Prisma.sql`
      SELECT count(*) FILTER (WHERE ${matches})::int AS total,
             count(*) FILTER (WHERE ${segmentCondition("registered")})::int AS registered,
             count(*) FILTER (WHERE ${segmentCondition("attended")})::int AS attended
      FROM "WebinarRegistration" r JOIN "Prospect" p ON p."id" = r."prospectId"
      WHERE ${scope}`,
    ),
  ]);
  const { total, registered, attended } = tally!;
  const finished = isFinished(webinar, options.now ?? new Date());
  return {
    items,
    total,
    page,
    pageSize,
    segment: options.segment,
    counts: { registered, attended: finished ? attended : null, absent: finished ? registered - attended : null },
  };
}
