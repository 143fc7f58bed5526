import { type PgTransactionQuery, pgTransaction } from "@gw/db";
import type { Criteria } from "../segments/criteria";
import { matchingIdsQuery } from "../segments/preview-criteria";
import { SEGMENT_QUERY_SETTINGS } from "../segments/segment-query-settings";
import type { RuleAction } from "./rule-actions";
import { runRuleActions } from "./run-rule-actions";

export interface RunnableRule {
  id: string;
  accountId: string;
  name: string;
  criteria: Criteria;
  actions: RuleAction[];
  repeat: boolean;
}

export interface RunRuleOptions {
  /** Only these prospects (the incremental path); every current match of the account when absent. */
  prospectIds?: string[];
  /** Rule hops that led to these prospects' changes (0: from outside); the actions run at depth + 1. */
  depth?: number;
  /** How long a REGISTER_WEBINAR request keeps retrying GoTo (REGISTRATION_GIVE_UP_HOURS). */
  giveUpAfterMs: number;
}

export interface RuleRunSummary {
  /** Candidates that match now. */
  matched: number;
  /** Prospects the actions ran on. */
  acted: number;
  /** Registration requests written (to enqueue for the push after commit). */
  registrationRequestIds: string[];
}

/**
 * Runs a rule on whoever newly matches, set-based, in one transaction: the prospects matching
 * now (never filtered or merged away) are compared with the rule's per-prospect state. A
 * prospect the rule never ran on is acted on; with `repeat`, also one that stopped matching
 * since and matches again. The state, the actions and the log commit together, so a crash
 * never runs a rule twice for one match. The actions' own changes are marked with depth + 1
 * (gw.segment_depth), which the incremental path uses to bound loops.
 */
export async function runRule(db: object, rule: RunnableRule, options: RunRuleOptions): Promise<RuleRunSummary> {
  return pgTransaction(
    db,
    async (query) => {
      // One run of a rule at a time (enable's full run and the incremental path may overlap):
      // two runs deciding "never ran on this prospect" at once would both act.
      await query(`SELECT pg_advisory_xact_lock(hashtext('automation-rule'), hashtext($1))`, [rule.id]);
      const acted = await advanceRuleState(query, rule, options.prospectIds);
      if (acted.ids.length === 0) return { matched: acted.matched, acted: 0, registrationRequestIds: [] };
      const registrationRequestIds = await runRuleActions(query, rule, acted.ids, options.giveUpAfterMs);
      return { matched: acted.matched, acted: acted.ids.length, registrationRequestIds };
    },
    { ...SEGMENT_QUERY_SETTINGS, "gw.segment_depth": String((options.depth ?? 0) + 1) },
  );
}

async function advanceRuleState(
  query: PgTransactionQuery,
  rule: RunnableRule,
  prospectIds: string[] | undefined,
): Promise<{ matched: number; ids: string[] }> {
  const { sql: matching, params } = matchingIdsQuery(rule.accountId, rule.criteria, prospectIds);
  const ruleId = params.add(rule.id);
  const repeat = params.add(rule.repeat);
  const only = prospectIds ? params.add(prospectIds) : undefined;
  const [row] = await query<{ matched: number; ids: string[] }>(
    `WITH hits AS MATERIALIZED (${matching}), prev AS MATERIALIZED (
       SELECT s."prospectId", s."matching", s."runs" FROM "AutomationRuleState" s
       WHERE s."ruleId" = ${ruleId}::uuid${only ? ` AND s."prospectId" = ANY(${only}::uuid[])` : ""}
     ), act AS MATERIALIZED (
       SELECT h."id" FROM hits h LEFT JOIN prev ON prev."prospectId" = h."id"
       WHERE prev."prospectId" IS NULL OR prev."runs" = 0 OR (${repeat}::boolean AND NOT prev."matching")
     ), matched AS (
       INSERT INTO "AutomationRuleState" ("ruleId", "prospectId", "matching", "runs", "lastRunAt", "updatedAt")
       SELECT ${ruleId}::uuid, h."id", true, (a."id" IS NOT NULL)::int, CASE WHEN a."id" IS NOT NULL THEN now() END, now()
       FROM hits h LEFT JOIN act a ON a."id" = h."id"
       ON CONFLICT ("ruleId", "prospectId") DO UPDATE SET
         "matching" = true,
         "runs" = "AutomationRuleState"."runs" + EXCLUDED."runs",
         "lastRunAt" = COALESCE(EXCLUDED."lastRunAt", "AutomationRuleState"."lastRunAt"),
         "updatedAt" = now()
     ), unmatched AS (
       UPDATE "AutomationRuleState" s SET "matching" = false, "updatedAt" = now()
       FROM prev WHERE s."ruleId" = ${ruleId}::uuid AND s."prospectId" = prev."prospectId" AND prev."matching"
         AND NOT EXISTS (SELECT 1 FROM hits h WHERE h."id" = prev."prospectId")
     )
     SELECT (SELECT count(*) FROM hits)::int AS "matched", COALESCE((SELECT array_agg("id"::text) FROM act), '{}') AS "ids"`,
    params.values,
  );
  return row ?? { matched: 0, ids: [] };
}
