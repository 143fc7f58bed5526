// Scoring: points per activity type (per account, with defaults) and activities that add them
// to a prospect's score exactly once.
export { ACTIVITY_TYPES, DEFAULT_SCORING_POINTS } from "./default-scoring-rules";
export {
  getScoringPoints,
  getScoringRules,
  type GetScoringRulesOptions,
  type ScoringRuleView,
} from "./get-scoring-rules";
export { MAX_ACTIVITY_POINTS, updateScoringRules, type UpdateScoringRulesOptions } from "./update-scoring-rules";
export {
  type ActivityInput,
  recordActivities,
  type RecordActivitiesOptions,
  type RecordActivitiesResult,
} from "./record-activities";
export { retryOnDeadlock } from "./retry-on-deadlock";
