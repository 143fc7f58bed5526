import { type PgQueryDb, pgQuery } from "@gw/db";
import { z } from "zod";
import { invalid } from "../errors/index";
import { PROSPECT_PROFILE_FIELDS } from "../prospects/profile-fields";

export const MAX_ACTIONS = 20;
const uuid = z.uuid({ error: "must be an id (uuid)" });
const tagName = z.string().trim().min(1, "must not be blank").max(100);

/**
 * What a rule does to each prospect it runs on: a new action is a variant here and its step in
 * run-rule-actions.ts. EMIT_EVENT tells other systems through the outbound events
 * (`rule.matched`), so what a rule cannot do itself (a CRM task, a Slack message) happens there.
 */
export const ruleActionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("ADD_TO_LIST"), listId: uuid }),
  z.strictObject({ type: z.literal("REMOVE_FROM_LIST"), listId: uuid }),
  z.strictObject({ type: z.literal("ADD_TAG"), tag: tagName }),
  z.strictObject({ type: z.literal("REMOVE_TAG"), tag: tagName }),
  z.strictObject({
    type: z.literal("ADJUST_SCORE"),
    points: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .refine((n) => n !== 0, "must not be 0"),
  }),
  z.strictObject({ type: z.literal("SET_CAMPAIGN"), campaignId: uuid }),
  z.strictObject({
    type: z.literal("SET_FIELD"),
    field: z.enum(PROSPECT_PROFILE_FIELDS),
    /** null clears the field. */
    value: z.string().trim().max(1000).nullable(),
  }),
  z.strictObject({ type: z.literal("REGISTER_WEBINAR"), webinarId: uuid }),
  z.strictObject({ type: z.literal("EMIT_EVENT") }),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;
export const RULE_ACTION_TYPES = ruleActionSchema.options.map((o) => o.shape.type.value);

/** Actions checked in shape (400 naming `actions.N.field`) and against the account. */
export async function parseRuleActions(options: {
  db: PgQueryDb;
  accountId: string;
  actions: unknown;
}): Promise<RuleAction[]> {
  const { actions } = options;
  if (!Array.isArray(actions) || actions.length === 0) {
    throw invalid("actions", "actions must be a non-empty array", actions);
  }
  if (actions.length > MAX_ACTIONS) throw invalid("actions", `a rule has at most ${MAX_ACTIONS} actions`);
  const parsed = actions.map((action, i) => {
    const result = ruleActionSchema.safeParse(action);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const where = ["actions", i, ...issue.path].join(".");
    const message =
      issue.code === "invalid_union"
        ? `must have a type among ${RULE_ACTION_TYPES.join(", ")}`
        : issue.code === "unrecognized_keys"
          ? `${issue.keys.join(", ")} is not a property of this action`
          : issue.message;
    throw invalid(where, `${where}: ${message}`);
  });
  await Promise.all(parsed.map((action, i) => checkReference(options.db, options.accountId, action, `actions.${i}`)));
  return parsed;
}

async function checkReference(db: PgQueryDb, accountId: string, action: RuleAction, path: string) {
  const one = async <T>(sql: string, id: string) => (await pgQuery<T>(db, sql, [accountId, id]))[0];
  if (action.type === "ADD_TO_LIST" || action.type === "REMOVE_FROM_LIST") {
    const list = await one<{ kind: string; name: string }>(
      `SELECT "kind", "name" FROM "List" WHERE "accountId" = $1::uuid AND "id" = $2::uuid`,
      action.listId,
    );
    if (!list)
      throw invalid(`${path}.listId`, `${path}.listId: no list ${action.listId} in this account`, action.listId);
    if (list.kind === "DYNAMIC") {
      throw invalid(
        `${path}.listId`,
        `${path}.listId: "${list.name}" is a dynamic list (its members follow its criteria); choose a static list`,
        action.listId,
      );
    }
  }
  if (action.type === "SET_CAMPAIGN") {
    const found = await one(
      `SELECT 1 FROM "Campaign" WHERE "accountId" = $1::uuid AND "id" = $2::uuid`,
      action.campaignId,
    );
    if (!found)
      throw invalid(`${path}.campaignId`, `${path}.campaignId: no campaign ${action.campaignId} in this account`);
  }
  if (action.type === "REGISTER_WEBINAR") {
    const webinar = await one<{ subject: string; closed: boolean }>(
      `SELECT "subject", ("status" = 'CANCELLED' OR "endsAt" < now()) AS "closed" FROM "Webinar"
       WHERE "accountId" = $1::uuid AND "id" = $2::uuid`,
      action.webinarId,
    );
    if (!webinar)
      throw invalid(`${path}.webinarId`, `${path}.webinarId: no webinar ${action.webinarId} in this account`);
    if (webinar.closed) {
      throw invalid(
        `${path}.webinarId`,
        `${path}.webinarId: "${webinar.subject}" has ended or was cancelled; choose an upcoming webinar`,
      );
    }
  }
}
