export {
  CONDITION_TYPES,
  CRITERIA_FIELDS,
  type CriteriaField,
  ENGAGEMENT_METRICS,
  FIELD_OPERATORS,
  NUMBER_OPERATORS,
  PROSPECT_SOURCES,
  WEBINAR_STATUSES,
  type WebinarStatusName,
} from "@gw/api-contract";
export { checkCriteriaReferences, type ReferenceNames } from "./check-criteria-references";
export { baseProspectCondition, compileCriteria, isTimeRelative, SqlParams } from "./compile-criteria";
export {
  type Condition,
  type Criteria,
  type CriteriaNode,
  criteriaSchema,
  type Group,
  MAX_CONDITIONS,
  MAX_DEPTH,
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
