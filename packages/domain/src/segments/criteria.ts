// The vocabulary (types, statuses, fields, operators) is the API contract's, so clients and this
// model cannot drift apart; segments/index.ts re-exports it.
import {
  CONDITION_TYPES,
  CRITERIA_FIELDS,
  FIELD_OPERATORS,
  NUMBER_OPERATORS,
  PROSPECT_SOURCES,
  WEBINAR_STATUSES,
} from "@gw/api-contract";
import { z } from "zod";

/**
 * One criteria model for dynamic lists and automation rules: an AND/OR tree of typed
 * conditions over an account's prospects. Every field, operator and value is checked here, so
 * what reaches the SQL compiler is a closed set; ids are checked against the account separately
 * (checkCriteriaReferences) because that needs the database.
 */

export const MAX_CONDITIONS = 50;
export const MAX_DEPTH = 4;
const MAX_TEXT = 200;
const MAX_DAYS = 3650;

const uuid = z.uuid({ error: "must be an id (uuid)" });
const text = z.string().trim().min(1, "must not be blank").max(MAX_TEXT);
const dateTime = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" });

/** A time window: the last N days (moves with time), or between two instants (either may be open). */
export const periodSchema = z.union([
  z.strictObject({ lastDays: z.number().int().min(1).max(MAX_DAYS) }),
  z
    .strictObject({ from: dateTime.optional(), to: dateTime.optional() })
    .refine((p) => p.from !== undefined || p.to !== undefined, "a period needs lastDays, from or to")
    .refine((p) => !p.from || !p.to || Date.parse(p.from) <= Date.parse(p.to), "from must not be after to"),
]);
export type Period = z.infer<typeof periodSchema>;

/** Which webinars a webinar condition looks at. */
export const webinarScopeSchema = z.union([
  z.strictObject({ webinarId: uuid }),
  z.strictObject({ connectorId: uuid }),
  /** Every session of a GoTo series (a program). */
  z.strictObject({ programId: uuid }),
  z.strictObject({ subjectContains: text }),
  z.strictObject({ startsWithin: periodSchema }),
  z.strictObject({ anyWebinar: z.literal(true) }),
]);
export type WebinarScope = z.infer<typeof webinarScopeSchema>;

const negatable = { not: z.boolean().optional() };

const webinarStatusCondition = z.strictObject({
  type: z.literal("webinarStatus"),
  status: z.enum(WEBINAR_STATUSES),
  webinar: webinarScopeSchema,
  ...negatable,
});

/** Engagement recorded per registration: time attended, questions asked, polls and surveys answered. */
const engagementCondition = z.union([
  z.strictObject({
    type: z.literal("engagement"),
    metric: z.literal("minutesAttended"),
    op: z.enum(["gte", "lte"]),
    value: z.number().int().min(0).max(100_000),
    webinar: webinarScopeSchema,
    ...negatable,
  }),
  z.strictObject({
    type: z.literal("engagement"),
    metric: z.literal("attendancePercent"),
    op: z.enum(["gte", "lte"]),
    value: z.number().min(0).max(100),
    webinar: webinarScopeSchema,
    ...negatable,
  }),
  z.strictObject({
    type: z.literal("engagement"),
    metric: z.enum(["askedQuestion", "answeredPoll", "answeredSurvey"]),
    webinar: webinarScopeSchema,
    ...negatable,
  }),
]);

const scoreCondition = z.strictObject({
  type: z.literal("score"),
  op: z.enum(NUMBER_OPERATORS),
  value: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  ...negatable,
});

const fieldCondition = z
  .strictObject({
    type: z.literal("field"),
    field: z.enum(CRITERIA_FIELDS).optional(),
    /** A custom field (form question) by its label, instead of `field`. */
    customField: text.optional(),
    op: z.enum(FIELD_OPERATORS),
    value: z.string().max(MAX_TEXT).optional(),
    ...negatable,
  })
  .refine((c) => (c.field === undefined) !== (c.customField === undefined), {
    message: "give exactly one of field or customField",
    path: ["field"],
  })
  .refine((c) => c.op === "isEmpty" || (c.value !== undefined && c.value.trim() !== ""), {
    message: "this operator needs a value",
    path: ["value"],
  });

const campaignCondition = z.strictObject({ type: z.literal("campaign"), campaignId: uuid, ...negatable });
const createdByCondition = z.strictObject({
  type: z.literal("createdBy"),
  source: z.enum(PROSPECT_SOURCES),
  ...negatable,
});
const listMemberCondition = z.strictObject({ type: z.literal("listMember"), listId: uuid, ...negatable });
const hasTagCondition = z.strictObject({ type: z.literal("hasTag"), tagId: uuid, ...negatable });
const submittedFormCondition = z.strictObject({
  type: z.literal("submittedForm"),
  formId: uuid,
  within: periodSchema.optional(),
  ...negatable,
});
const createdWithinCondition = z.strictObject({ type: z.literal("createdWithin"), period: periodSchema, ...negatable });
const lastActivityWithinCondition = z.strictObject({
  type: z.literal("lastActivityWithin"),
  period: periodSchema,
  ...negatable,
});

export const conditionSchema = z.union([
  webinarStatusCondition,
  engagementCondition,
  scoreCondition,
  fieldCondition,
  campaignCondition,
  createdByCondition,
  listMemberCondition,
  hasTagCondition,
  submittedFormCondition,
  createdWithinCondition,
  lastActivityWithinCondition,
]);
export type Condition = z.infer<typeof conditionSchema>;
// Each listed type is one the schema parses (the vocabulary test checks the converse).
CONDITION_TYPES satisfies readonly Condition["type"][];

export interface Group {
  type: "group";
  match: "all" | "any";
  conditions: (Group | Condition)[];
  not?: boolean;
}
export type CriteriaNode = Group | Condition;

// Named on the recursive schema itself, so OpenAPI refers to one component from inside it too.
export const groupSchema: z.ZodType<Group> = z
  .strictObject({
    type: z.literal("group"),
    match: z.enum(["all", "any"]),
    get conditions() {
      return z.array(z.union([groupSchema, conditionSchema])).min(1, "a group needs at least one condition");
    },
    not: z.boolean().optional(),
  })
  .meta({ id: "Criteria" });

/** A criteria tree: its root is a group. */
export const criteriaSchema = groupSchema;
export type Criteria = Group;
