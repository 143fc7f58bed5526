import { z } from "zod";
import { pageOf, pageQuery, prospectSummary, type RequestOf, type ResponseOf } from "./common";
import type { ProspectProfileField } from "./prospects";
import { type Criteria, criteriaInput } from "./segments";

export const RULE_ACTION_TYPES = [
  "ADD_TO_LIST",
  "REMOVE_FROM_LIST",
  "ADD_TAG",
  "REMOVE_TAG",
  "ADJUST_SCORE",
  "SET_CAMPAIGN",
  "SET_FIELD",
  "REGISTER_WEBINAR",
  "EMIT_EVENT",
] as const;
export const RULE_STATUSES = ["DRAFT", "ENABLED", "PAUSED"] as const;
/** The most actions one rule may have. */
export const MAX_ACTIONS = 20;
/** The largest sample a rule's preview returns. */
export const MAX_RULE_SAMPLE = 50;

/** What a rule does to each prospect it runs on (checked by the domain, a 400 names `actions.N.field`). */
export type RuleAction =
  | { type: "ADD_TO_LIST"; listId: string }
  | { type: "REMOVE_FROM_LIST"; listId: string }
  | { type: "ADD_TAG"; tag: string }
  | { type: "REMOVE_TAG"; tag: string }
  | { type: "ADJUST_SCORE"; points: number }
  | { type: "SET_CAMPAIGN"; campaignId: string }
  /** value null clears the field. */
  | { type: "SET_FIELD"; field: ProspectProfileField; value: string | null }
  | { type: "REGISTER_WEBINAR"; webinarId: string }
  /** Sends `rule.matched` (the rule's id and name, the prospect) to the outbound endpoints that want it. */
  | { type: "EMIT_EVENT" };
export type RuleActionType = (typeof RULE_ACTION_TYPES)[number];
export type RuleStatus = (typeof RULE_STATUSES)[number];

const actionsInput = z
  .any()
  .describe(
    "Non-empty array of actions: ADD_TO_LIST / REMOVE_FROM_LIST { listId } (static lists), ADD_TAG / REMOVE_TAG { tag }, " +
      "ADJUST_SCORE { points }, SET_CAMPAIGN { campaignId }, SET_FIELD { field, value | null }, REGISTER_WEBINAR { webinarId }, " +
      "EMIT_EVENT {} (a rule.matched outbound event with the rule and the prospect).",
  );
const ruleName = z.string().trim().min(1, "name must not be blank").max(100);

export const rule = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(RULE_STATUSES),
    repeat: z.boolean().describe("run again each time a prospect newly matches, not only the first time"),
    criteria: z.any(),
    actions: z.any(),
    enabledAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    prospectsActedOn: z.number().int(),
    runs: z.number().int(),
    description: z.string().optional().describe("the criteria in words"),
  })
  .meta({ id: "AutomationRule" });
export const rulePage = pageOf(rule);
/** Paging for the rules and a rule's log. */
export const rulePageQuery = z.object(pageQuery);

export const ruleBody = z.object({
  name: ruleName,
  criteria: criteriaInput,
  actions: actionsInput,
  repeat: z.boolean().default(false),
});
export const ruleUpdateBody = z.object({
  name: ruleName.optional(),
  criteria: criteriaInput.optional(),
  actions: actionsInput.optional(),
  repeat: z.boolean().optional(),
});

export const rulePreviewBody = z
  .object({ sampleSize: z.number().int().min(0).max(MAX_RULE_SAMPLE).default(10) })
  .default({ sampleSize: 10 });
export const rulePreview = z.object({
  matching: z.number().int().describe("prospects matching now"),
  wouldRun: z.number().int().describe("of those, the ones enabling would act on now"),
  sample: z.array(prospectSummary),
});

export const ruleRunSummary = z.object({
  matched: z.number().int().describe("prospects matching now"),
  acted: z.number().int().describe("prospects the actions ran on now"),
  registrationRequestIds: z.array(z.uuid()),
});

/** One action's outcome in a rule's log. */
export const ruleActionOutcome = z.object({
  type: z.string(),
  outcome: z.string().describe("done, queued (a registration on its way) or skipped"),
  reason: z.string().optional().describe("why it was skipped"),
  registrationRequestId: z.string().optional(),
  registration: z
    .object({ status: z.string(), lastError: z.string().nullable().describe("GoTo's refusal, if any") })
    .optional()
    .describe("REGISTER_WEBINAR: where the registration stands now"),
});
export const ruleRun = prospectSummary
  .extend({
    runId: z.string(),
    ruleId: z.uuid(),
    ruleName: z.string(),
    at: z.date(),
    outcome: z.string().describe("done, partial (some actions skipped) or skipped"),
    actions: z
      .array(ruleActionOutcome)
      .describe("each action's outcome; REGISTER_WEBINAR with the registration's status and GoTo's refusal"),
  })
  .meta({ id: "RuleRun" });

export const prospectSegments = z.object({
  dynamicLists: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      member: z.boolean(),
      joinedAt: z.date().nullable(),
      leftAt: z.date().nullable(),
    }),
  ),
  ruleRuns: z.array(ruleRun),
});
export const ruleRunPage = pageOf(ruleRun);

export type Rule = Omit<ResponseOf<typeof rule>, "criteria" | "actions"> & {
  criteria: Criteria;
  actions: RuleAction[];
};
export type RuleBody = Omit<RequestOf<typeof ruleBody>, "criteria" | "actions"> & {
  criteria: Criteria;
  actions: RuleAction[];
};
export type RuleUpdateBody = Partial<RuleBody>;
export type RulePreview = ResponseOf<typeof rulePreview>;
export type RuleRunSummary = ResponseOf<typeof ruleRunSummary>;
export type RuleActionOutcome = ResponseOf<typeof ruleActionOutcome>;
export type RuleRun = ResponseOf<typeof ruleRun>;
export type ProspectSegments = ResponseOf<typeof prospectSegments>;
