import { type Db, Prisma, sqlQuery } from "@gw/db";
import { cleanQuery, type PageRequest } from "../paging/paging";
import { prospectSearchCondition } from "../prospects/prospect-search-condition";
import { neutralizeFormula } from "./csv-cell";
import { findDrillDownWebinar } from "./find-drill-down-webinar";
import {
  DRILL_DOWN_COLUMNS,
  drillDownOrder,
  type ListWebinarProspectsOptions,
  type WebinarProspectRow,
} from "./list-webinar-prospects";
import { filteredCondition, segmentCondition, sourceCondition } from "./segment";

export const EXPORT_HEADER = [
  "Email",
  "First name",
  "Last name",
  "Company",
  "Status",
  "Attended",
  "Minutes attended",
  "% of session",
  "Questions asked",
  "Poll answers",
  "Survey answers",
  "Registered at",
  "Source",
];

/** The drill-down's filter and order, without its paging: the export streams every row. */
export interface ExportWebinarProspectsOptions extends Omit<ListWebinarProspectsOptions, keyof PageRequest> {
  db: Db;
  /** Rows fetched per query while streaming. */
  batchSize?: number;
}

export interface WebinarProspectsExport {
  /** `<subject>-<segment>.csv`, before any header encoding. */
  filename: string;
  header: string[];
  /** Data rows, already safe against CSV injection, fetched batch by batch as they are read. */
  rows: AsyncIterable<string[]>;
}

/**
 * A drill-down as CSV rows. The webinar is checked before anything streams, so a wrong id or
 * segment is still an ordinary error; the rows are then read in batches, never all at once.
 */
export async function exportWebinarProspects(options: ExportWebinarProspectsOptions): Promise<WebinarProspectsExport> {
  const { db } = options;
  const webinar = await findDrillDownWebinar(options);
  const batchSize = options.batchSize ?? 1000;
  const where = Prisma.sql`r."webinarId" = ${webinar.id}::uuid AND ${segmentCondition(options.segment)}
    AND ${prospectSearchCondition(cleanQuery(options.q))} AND ${filteredCondition(options.includeFiltered)}
    AND ${sourceCondition(options.source)}`;
  const orderBy = drillDownOrder(options.sort ?? "email", options.order ?? "asc");

  async function* rows(): AsyncGenerator<string[]> {
    for (let offset = 0; ; offset += batchSize) {
      const batch = await sqlQuery<WebinarProspectRow>(
        db,
        Prisma.sql`
        SELECT ${DRILL_DOWN_COLUMNS}
        FROM "WebinarRegistration" r JOIN "Prospect" p ON p."id" = r."prospectId"
        WHERE ${where}
        ORDER BY ${orderBy}
        LIMIT ${batchSize} OFFSET ${offset}`,
      );
      for (const row of batch) yield toCells(row);
      if (batch.length < batchSize) return;
    }
  }

  return { filename: `${webinar.subject}-${options.segment}.csv`, header: EXPORT_HEADER, rows: rows() };
}

// The words the drill-down's status badges show: the spreadsheet reads as the page does.
const STATUS_LABELS: Record<WebinarProspectRow["status"], string> = {
  WAITING: "Waiting",
  APPROVED: "Approved",
  DENIED: "Denied",
  CANCELLED: "Cancelled",
};

function toCells(row: WebinarProspectRow): string[] {
  return [
    row.email,
    row.firstName ?? "",
    row.lastName ?? "",
    row.company ?? "",
    STATUS_LABELS[row.status],
    row.attended ? "yes" : "no",
    String(row.minutesAttended),
    row.percentAttended === null ? "" : String(Math.round(row.percentAttended)),
    String(row.questionsAsked),
    String(row.pollsAnswered),
    String(row.surveysAnswered),
    row.registeredAt.toISOString(),
    row.source ?? "",
  ].map(neutralizeFormula);
}
