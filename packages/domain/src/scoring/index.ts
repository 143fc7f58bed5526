// Scoring: points per activity type (per account, with defaults) and activities that add them
// to a prospect's score exactly once.

export {
  type AttendanceScoringRuleView,
  listAttendanceScoringRules,
  MAX_ATTENDANCE_RULES,
  type SetAttendanceScoringRulesOptions,
  setAttendanceScoringRules,
} from "./attendance-scoring-rules";
export { ACTIVITY_TYPES, DEFAULT_SCORING_POINTS } from "./default-scoring-rules";
export {
  type GetScoringRulesOptions,
  getScoringPoints,
  getScoringRules,
  type ScoringRuleView,
} from "./get-scoring-rules";
export {
  type ActivityInput,
  type RecordActivitiesOptions,
  type RecordActivitiesResult,
  recordActivities,
} from "./record-activities";
export { MAX_ACTIVITY_POINTS, type UpdateScoringRulesOptions, updateScoringRules } from "./update-scoring-rules";
