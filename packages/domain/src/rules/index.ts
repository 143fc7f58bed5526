export { MAX_ACTIONS, parseRuleActions, RULE_ACTION_TYPES, type RuleAction, ruleActionSchema } from "./rule-actions";
export type { RuleView } from "./rule-view";
export { createRule, deleteRule, getRule, listRules, type RuleInput, updateRule } from "./rules-crud";
export { type RuleRunSummary, type RunnableRule, runRule } from "./run-rule";
export {
  enableRule,
  listRuleRuns,
  pauseRule,
  previewRule,
  type RulePreview,
  type RuleRunView,
  toRunnableRule,
} from "./run-rules";
