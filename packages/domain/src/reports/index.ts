export {
  type ApplyWebinarProspectsActionOptions,
  applyWebinarProspectsAction,
  WEBINAR_PROSPECTS_ACTIONS,
  type WebinarProspectsAction,
  type WebinarProspectsActionResult,
} from "./apply-webinar-prospects-action";
export { neutralizeFormula } from "./csv-cell";
export {
  EXPORT_HEADER,
  type ExportWebinarProspectsOptions,
  exportWebinarProspects,
  type WebinarProspectsExport,
} from "./export-webinar-prospects";
export {
  type ExportWebinarReportOptions,
  exportWebinarReport,
  REPORT_EXPORT_HEADER,
} from "./export-webinar-report";
export {
  type AttendanceTrendPoint,
  type GetAttendanceTrendOptions,
  getAttendanceTrend,
  TREND_LIMIT,
} from "./get-attendance-trend";
export { type GetWebinarDetailOptions, getWebinarDetail, type WebinarDetail } from "./get-webinar-detail";
export {
  type DrillDownCounts,
  type ListWebinarProspectsOptions,
  listWebinarProspects,
  WEBINAR_PROSPECT_SORTS,
  type WebinarProspectRow,
  type WebinarProspectSort,
} from "./list-webinar-prospects";
export {
  type ListWebinarReportOptions,
  listWebinarReport,
  WEBINAR_REPORT_SORTS,
  type WebinarReportFilter,
  type WebinarReportRow,
  type WebinarReportSort,
} from "./list-webinar-report";
export { listWebinarSources, type WebinarSourceRow } from "./list-webinar-sources";
export { SEGMENTS, type Segment } from "./segment";
export { isFinished, type ReportTab } from "./webinar-phase";
