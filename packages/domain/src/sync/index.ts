// The sync engine: what is due (dispatcher), discovery and backfill of webinars, registrant
// and attendance syncs, and the batch upserts the webhook receiver reuses.
export {
  type DispatchDueWorkOptions,
  type DispatchResult,
  dispatchDueWork,
  type DueWork,
  type DueWorkSink,
} from "./dispatch-due-work";
export {
  DISCOVERY_HORIZON_DAYS,
  type DiscoverWebinarsOptions,
  type DiscoverWebinarsResult,
  type DiscoverySettings,
  type DiscoveryClient,
  discoverWebinars,
} from "./discover-webinars";
export { type AbsenteePage, type AbsenteeView, type ListAbsenteesOptions, listAbsentees } from "./list-absentees";
export { type ListSyncRunsOptions, listSyncRuns, type SyncRunPage, type SyncRunView } from "./list-sync-runs";
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
  finishSyncRun,
  type FinishSyncRunOptions,
  type StartSyncRunOptions,
  startSyncRun,
  type SyncRunHandle,
} from "./record-sync-run";
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
