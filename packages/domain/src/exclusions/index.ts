export {
  EXCLUSION_KINDS,
  type ExclusionResult,
  type ExclusionRuleInput,
  GOTO_ROLES,
  listExclusionRules,
  MAX_EXCLUSION_RULES,
  parseExclusionRules,
  setExclusionRules,
} from "./exclusion-rules";
