export {
  addedStaffRoles,
  EXCLUSION_KINDS,
  type ExclusionResult,
  type ExclusionRuleInput,
  GOTO_ROLES,
  listExclusionRules,
  MAX_EXCLUSION_RULES,
  parseExclusionRules,
  reapplyExclusions,
  setExclusionRules,
  WEBINAR_STAFF_ROLES,
  type WebinarStaffRole,
} from "./exclusion-rules";
export {
  type FetchWebinarStaffResult,
  fetchStaff,
  fetchWebinarStaff,
  listWebinarsWithoutStaffSync,
  type StaffClient,
} from "./fetch-webinar-staff";
export {
  listExcludedStaffRoles,
  type RecordWebinarStaffResult,
  recordWebinarStaff,
  type WebinarStaffMember,
} from "./record-webinar-staff";
export {
  completeStaffFetch,
  type QueueStaffFetchesOptions,
  queueStaffFetches,
  STAFF_FETCH_REQUEUE_AFTER_MS,
  type StaffFetch,
} from "./staff-fetch-outbox";
