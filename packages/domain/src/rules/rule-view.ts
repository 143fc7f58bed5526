import type { PgQueryDb } from "@gw/db";
import { describeStoredCriteria } from "../segments/describe-stored-criteria";

export interface RuleView {
  id: string;
  name: string;
  status: "DRAFT" | "ENABLED" | "PAUSED";
  repeat: boolean;
  criteria: unknown;
  actions: unknown;
  enabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Prospects the rule ran on (each counted once), and runs in all. */
  prospectsActedOn: number;
  runs: number;
  /** On a single rule: the criteria in words. */
  description?: string;
}

export const RULE_COLUMNS = `r."id", r."name", r."status", r."repeat", r."criteria", r."actions", r."enabledAt", r."createdAt", r."updatedAt",
  (SELECT count(*)::int FROM "AutomationRuleState" s WHERE s."ruleId" = r."id" AND s."runs" > 0) AS "prospectsActedOn",
  (SELECT COALESCE(sum(s."runs"), 0)::int FROM "AutomationRuleState" s WHERE s."ruleId" = r."id") AS "runs"`;

export async function withDescription(db: PgQueryDb, accountId: string, rule: RuleView): Promise<RuleView> {
  return { ...rule, description: await describeStoredCriteria({ db, accountId, criteria: rule.criteria }) };
}
