export {
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
  listExcludedStaffRoles,
  type RecordWebinarStaffResult,
  recordWebinarStaff,
  type WebinarStaffMember,
} from "./record-webinar-staff";
