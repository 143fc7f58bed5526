// The sync engine: what is due (dispatcher), discovery and backfill of webinars, registrant
// and attendance syncs, and the batch upserts the webhook receiver reuses.

export {
  ABANDONED_NO_JOB,
  ABANDONED_RESTARTED,
  type CloseAbandonedSyncRunsOptions,
  closeAbandonedSyncRuns,
} from "./close-abandoned-sync-runs";
export {
  DISCOVERY_HORIZON_DAYS,
  type DiscoverWebinarsOptions,
  type DiscoverWebinarsResult,
  type DiscoveryClient,
  type DiscoverySettings,
  discoverWebinars,
} from "./discover-webinars";
export {
  type DispatchDueWorkOptions,
  type DispatchResult,
  type DueWork,
  type DueWorkSink,
  dispatchDueWork,
} from "./dispatch-due-work";
export { explainSyncError, type PlainError } from "./explain-sync-error";
export { type AbsenteePage, type AbsenteeView, type ListAbsenteesOptions, listAbsentees } from "./list-absentees";
export { type ListSyncRunsOptions, listSyncRuns, type SyncRunPage, type SyncRunView } from "./list-sync-runs";
export { type ConnectorSyncStatus, type ListSyncStatusOptions, listSyncStatus } from "./list-sync-status";
export { type GotoWebinarLike, mapGotoWebinar, type WebinarFields, webinarStatusAt } from "./map-goto-webinar";
export {
  type PollingSettings,
  planWebinarSync,
  pollIntervalMinutes,
  type SyncPhase,
  type SyncPlan,
  type WebinarSchedule,
} from "./polling-policy";
export { type RecordAttendanceOptions, type RecordAttendanceResult, recordAttendance } from "./record-attendance";
export {
  describeError,
  type FinishSyncRunOptions,
  finishSyncRun,
  type StartSyncRunOptions,
  type SyncRunHandle,
  startSyncRun,
} from "./record-sync-run";
export { type RequestSyncNowOptions, requestSyncNow, type SyncNowJob } from "./request-sync-now";
export {
  type ConnectGoto,
  type SyncWebinarOptions,
  type SyncWebinarResult,
  syncWebinar,
  type WebinarSyncClient,
} from "./sync-webinar";
export type { AttendeeInput, PointsTable, RegistrantInput, SyncConnector, SyncCounts, SyncWebinar } from "./types";
export { type UpsertRegistrantsOptions, type UpsertRegistrantsResult, upsertRegistrants } from "./upsert-registrants";
export { type SessionInput, type UpsertWebinarSessionsOptions, upsertWebinarSessions } from "./upsert-webinar-sessions";
