import type { Db } from "@gw/db";
import { neutralizeFormula } from "./csv-cell";
import {
  type ListWebinarReportOptions,
  queryReportRows,
  reportWhere,
  toReportRow,
  type WebinarReportRow,
} from "./list-webinar-report";

export const REPORT_EXPORT_HEADER = [
  "Webinar",
  "Series",
  "Starts at",
  "Ends at",
  "Time zone",
  "Status",
  "Connector",
  "Registered",
  "Attended",
  "Absent",
  "Attendance rate (%)",
];

/** The report's filter and order, without its paging: the export has every webinar that matches. */
export interface ExportWebinarReportOptions extends Omit<ListWebinarReportOptions, "page" | "pageSize"> {
  db: Db;
  /** Rows fetched per query while streaming. */
  batchSize?: number;
}

// The labels the report's badges show: a spreadsheet reads the same words as the page.
const STATUS_LABELS: Record<WebinarReportRow["status"], string> = {
  SCHEDULED: "Upcoming",
  LIVE: "Live now",
  ENDED: "Finished",
  CANCELLED: "Cancelled",
};

/** The webinars report as filtered, one row per webinar, as CSV rows read batch by batch. */
export function exportWebinarReport(options: ExportWebinarReportOptions): {
  filename: string;
  header: string[];
  rows: AsyncIterable<string[]>;
} {
  const now = options.now ?? new Date();
  const where = reportWhere(options, now);
  const batchSize = options.batchSize ?? 500;
  async function* rows(): AsyncGenerator<string[]> {
    for (let offset = 0; ; offset += batchSize) {
      const batch = await queryReportRows(options, where, batchSize, offset);
      for (const row of batch) yield toCells(toReportRow(row, now));
      if (batch.length < batchSize) return;
    }
  }
  const range = options.from || options.to ? `-${options.from ?? "start"}-to-${options.to ?? "now"}` : "";
  return { filename: `webinars-${options.tab}${range}.csv`, header: REPORT_EXPORT_HEADER, rows: rows() };
}

function toCells(row: WebinarReportRow): string[] {
  const blank = (n: number | null) => (n === null ? "" : String(n));
  return [
    row.subject,
    row.program?.subject ?? "",
    row.startsAt.toISOString(),
    row.endsAt.toISOString(),
    row.timeZone ?? "",
    // A webinar past its end that the sync has not yet marked ENDED is finished all the same.
    row.attended !== null ? STATUS_LABELS.ENDED : STATUS_LABELS[row.status],
    row.connector.name,
    String(row.registered),
    blank(row.attended),
    blank(row.absent),
    row.attendanceRate === null ? "" : (row.attendanceRate * 100).toFixed(1),
  ].map(neutralizeFormula);
}
