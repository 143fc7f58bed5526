import { z } from "zod";
import { prospectSummary, type RequestOf, type ResponseOf } from "./common";
import { PROSPECT_PROFILE_FIELDS } from "./prospects";

/*
 * Criteria shared by dynamic lists and automation rules. On the wire a criteria tree is checked
 * by the domain node by node (a mistake is a 400 naming the exact condition, where a Zod union
 * would only say "invalid input" for the whole tree), so the schema here documents it and the
 * types below describe it for clients; apps/api/test/contract-vocabulary.test.ts checks that the
 * domain's criteria model agrees with both.
 */

export const CONDITION_TYPES = [
  "webinarStatus",
  "engagement",
  "score",
  "field",
  "campaign",
  "createdBy",
  "listMember",
  "hasTag",
  "submittedForm",
  "createdWithin",
  "lastActivityWithin",
] as const;
export const WEBINAR_STATUSES = ["registered", "accepted", "attended", "absent", "cancelled"] as const;
export const ENGAGEMENT_METRICS = [
  "minutesAttended",
  "attendancePercent",
  "askedQuestion",
  "answeredPoll",
  "answeredSurvey",
] as const;
/** Prospect columns a field condition may use. */
export const CRITERIA_FIELDS = ["email", ...PROSPECT_PROFILE_FIELDS] as const;
export const FIELD_OPERATORS = ["equals", "contains", "startsWith", "isEmpty"] as const;
export const NUMBER_OPERATORS = ["gte", "lte", "eq"] as const;
export const PROSPECT_SOURCES = ["GOTO_SYNC", "FORM", "MANUAL"] as const;
/** The largest sample a preview returns. */
export const MAX_SAMPLE = 50;

export type ConditionType = (typeof CONDITION_TYPES)[number];
export type WebinarStatusName = (typeof WEBINAR_STATUSES)[number];
export type EngagementMetric = (typeof ENGAGEMENT_METRICS)[number];
export type CriteriaField = (typeof CRITERIA_FIELDS)[number];
export type FieldOperator = (typeof FIELD_OPERATORS)[number];
export type NumberOperator = (typeof NUMBER_OPERATORS)[number];
export type ProspectSource = (typeof PROSPECT_SOURCES)[number];

/** A time window: the last N days (moves with time), or between two ISO 8601 instants (either may be open). */
export type Period = { lastDays: number } | { from?: string; to?: string };
/** Which webinars a webinar condition looks at. */
export type WebinarScope =
  | { webinarId: string }
  | { connectorId: string }
  | { programId: string }
  | { subjectContains: string }
  | { startsWithin: Period }
  | { anyWebinar: true };

/** One condition; `not: true` negates it. */
export type Condition =
  | { type: "webinarStatus"; status: WebinarStatusName; webinar: WebinarScope; not?: boolean }
  | {
      type: "engagement";
      metric: "minutesAttended" | "attendancePercent";
      op: "gte" | "lte";
      value: number;
      webinar: WebinarScope;
      not?: boolean;
    }
  | {
      type: "engagement";
      metric: "askedQuestion" | "answeredPoll" | "answeredSurvey";
      webinar: WebinarScope;
      not?: boolean;
    }
  | { type: "score"; op: NumberOperator; value: number; not?: boolean }
  | {
      type: "field";
      field?: CriteriaField;
      /** A custom field (form question) by its label, instead of `field`. */
      customField?: string;
      op: FieldOperator;
      value?: string;
      not?: boolean;
    }
  | { type: "campaign"; campaignId: string; not?: boolean }
  | { type: "createdBy"; source: ProspectSource; not?: boolean }
  | { type: "listMember"; listId: string; not?: boolean }
  | { type: "hasTag"; tagId: string; not?: boolean }
  | { type: "submittedForm"; formId: string; within?: Period; not?: boolean }
  | { type: "createdWithin"; period: Period; not?: boolean }
  | { type: "lastActivityWithin"; period: Period; not?: boolean };

export interface Group {
  type: "group";
  match: "all" | "any";
  conditions: (Group | Condition)[];
  not?: boolean;
}
/** A criteria tree: its root is a group. */
export type Criteria = Group;
export type CriteriaNode = Group | Condition;

export const criteriaInput = z
  .any()
  .refine((value) => value !== undefined, "criteria is required")
  .describe(
    'An AND/OR tree: { type: "group", match: "all" | "any", conditions: [condition | group], not? }. ' +
      "Conditions: webinarStatus { status, webinar }, engagement { metric, op?, value?, webinar }, score { op, value }, " +
      "field { field | customField, op, value? }, campaign { campaignId }, createdBy { source }, listMember { listId }, " +
      "hasTag { tagId }, submittedForm { formId, within? }, createdWithin { period }, lastActivityWithin { period }; each may set not: true. " +
      "webinar: { webinarId } | { connectorId } | { programId } | { subjectContains } | { startsWithin: period } | { anyWebinar: true }. " +
      "period: { lastDays } | { from?, to? } (ISO 8601). GET /api/segments/reference lists what is allowed.",
  );

export const segmentReference = z.object({
  conditionTypes: z.array(z.string()),
  webinarStatuses: z.array(z.string()),
  engagementMetrics: z.array(z.string()),
  fields: z.array(z.string()),
  fieldOperators: z.array(z.string()),
  numberOperators: z.array(z.string()),
  sources: z.array(z.string()),
  maxConditions: z.number().int(),
  maxDepth: z.number().int(),
});

export const segmentPreviewBody = z.object({
  criteria: criteriaInput,
  sampleSize: z.number().int().min(0).max(MAX_SAMPLE).default(10),
});
export const segmentPreview = z.object({
  count: z.number().int(),
  sample: z.array(prospectSummary),
  description: z.string().describe("the criteria in words"),
});
export const segmentExportBody = z.object({ criteria: criteriaInput });

export type SegmentReference = ResponseOf<typeof segmentReference>;
export type SegmentPreviewBody = RequestOf<typeof segmentPreviewBody>;
export type SegmentPreview = ResponseOf<typeof segmentPreview>;
