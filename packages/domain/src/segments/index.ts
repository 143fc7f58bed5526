export { checkCriteriaReferences, type ReferenceNames } from "./check-criteria-references";
export { baseProspectCondition, compileCriteria, isTimeRelative, SqlParams } from "./compile-criteria";
export {
  CONDITION_TYPES,
  type Condition,
  CRITERIA_FIELDS,
  type Criteria,
  type CriteriaNode,
  criteriaSchema,
  ENGAGEMENT_METRICS,
  FIELD_OPERATORS,
  type Group,
  MAX_CONDITIONS,
  MAX_DEPTH,
  NUMBER_OPERATORS,
  PROSPECT_SOURCES,
  WEBINAR_STATUSES,
} from "./criteria";
export { describeCriteria } from "./describe-criteria";
export { describeStoredCriteria } from "./describe-stored-criteria";
export { evaluateDynamicList, type ListEvaluation } from "./evaluate-dynamic-list";
export { getProspectSegments, type ProspectSegments } from "./get-prospect-segments";
export { parseCriteria } from "./parse-criteria";
export { type PreparedCriteria, prepareCriteria } from "./prepare-criteria";
export { type CriteriaPreview, countMatches, MAX_SAMPLE, previewCriteria } from "./preview-criteria";
export {
  MAX_RULE_DEPTH,
  type ProcessDirtyProspectsOptions,
  type ProcessDirtyProspectsResult,
  processDirtyProspects,
} from "./process-dirty-prospects";
export { refreshTimeRelativeSegments } from "./refresh-time-relative-segments";
