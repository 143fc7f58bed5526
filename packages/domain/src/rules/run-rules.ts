import type { Db } from "@gw/db";
import { DomainError } from "../errors/index";
import { type Page, type PageRequest, pgPage } from "../paging/paging";
import type { ProspectSummary } from "../prospects/prospect-summary";
import { parseCriteria } from "../segments/parse-criteria";
import { matchesQuery, previewSampleSize } from "../segments/preview-criteria";
import { segmentRead } from "../segments/segment-query-settings";
import { ruleActionSchema } from "./rule-actions";
import { findRule } from "./rules-crud";
import { type RuleRunSummary, type RunnableRule, runRule } from "./run-rule";

export function toRunnableRule(row: {
  id: string;
  accountId: string;
  name: string;
  criteria: unknown;
  actions: unknown;
  repeat: boolean;
}): RunnableRule {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    criteria: parseCriteria(row.criteria),
    actions: ruleActionSchema.array().parse(row.actions),
    repeat: row.repeat,
  };
}

export interface RulePreview {
  /** Prospects matching the criteria now (never filtered or merged away). */
  matching: number;
  /** Of those, the ones enabling would act on now (never run on yet, or matching again with repeat). */
  wouldRun: number;
  sample: ProspectSummary[];
}

/** What enabling a rule would do now, changing nothing. */
export async function previewRule(options: {
  db: Db;
  accountId: string;
  ruleId: string;
  sampleSize?: number;
}): Promise<RulePreview> {
  const rule = toRunnableRule(await findRule(options));
  const { where, params } = matchesQuery(rule.accountId, rule.criteria);
  const ruleId = params.add(rule.id);
  const repeat = params.add(rule.repeat);
  const limit = params.add(previewSampleSize(options.sampleSize));
  const newly = `NOT EXISTS (SELECT 1 FROM "AutomationRuleState" s WHERE s."ruleId" = ${ruleId}::uuid AND s."prospectId" = p."id"
    AND s."runs" > 0 AND (NOT ${repeat}::boolean OR s."matching"))`;
  // Under the list preview's settings (no JIT, one shared parallel hash): the same criteria cost
  // the same here, and the count and the sample run side by side on two connections as there.
  const [[counts], sample] = await Promise.all([
    segmentRead<{ matching: number; wouldRun: number }>(
      options.db,
      `SELECT count(*)::int AS "matching", count(*) FILTER (WHERE ${newly})::int AS "wouldRun"
       FROM "Prospect" p WHERE ${where} AND ${limit}::int >= 0`,
      params.values,
    ),
    segmentRead<ProspectSummary>(
      options.db,
      `SELECT p."id", p."email", p."firstName", p."lastName", p."company" FROM "Prospect" p
       WHERE ${where} AND ${newly} ORDER BY p."createdAt" DESC, p."id" DESC LIMIT ${limit}::int`,
      params.values,
    ),
  ]);
  return { matching: counts?.matching ?? 0, wouldRun: counts?.wouldRun ?? 0, sample };
}

/**
 * Turns a rule on (from draft or paused): it runs at once on every current match it has not
 * run on (once per prospect, or again for repeat rules that match anew), then on new matches
 * as they happen.
 */
export async function enableRule(options: {
  db: Db;
  accountId: string;
  ruleId: string;
  giveUpAfterMs: number;
}): Promise<RuleRunSummary> {
  const row = await findRule(options);
  await options.db.automationRule.update({ where: { id: row.id }, data: { status: "ENABLED", enabledAt: new Date() } });
  return runRule(options.db, toRunnableRule(row), { giveUpAfterMs: options.giveUpAfterMs });
}

/** Stops a rule; what it did stays, and resuming runs it on matches that appeared meanwhile. */
export async function pauseRule(options: { db: Db; accountId: string; ruleId: string }): Promise<void> {
  const row = await findRule(options);
  if (row.status === "DRAFT")
    throw new DomainError("CONFLICT", "The rule was never enabled; there is nothing to pause");
  await options.db.automationRule.update({ where: { id: row.id }, data: { status: "PAUSED" } });
}

export interface RuleRunView extends ProspectSummary {
  runId: string;
  at: Date;
  outcome: string;
  actions: {
    type: string;
    outcome: string;
    reason?: string;
    registrationRequestId?: string;
    /** REGISTER_WEBINAR: where the request stands now, and GoTo's refusal if any. */
    registration?: { status: string; lastError: string | null };
  }[];
}

/** A rule's log: which prospect, which actions, when, and the outcome; newest first. */
export async function listRuleRuns(
  options: PageRequest & { accountId: string; ruleId?: string; prospectId?: string } & { db: Db },
): Promise<Page<RuleRunView & { ruleId: string; ruleName: string }>> {
  if (options.ruleId) await findRule({ db: options.db, accountId: options.accountId, ruleId: options.ruleId });
  const where = `r."accountId" = $1::uuid AND ($2::uuid IS NULL OR x."ruleId" = $2::uuid) AND ($3::uuid IS NULL OR x."prospectId" = $3::uuid)`;
  return pgPage<RuleRunView & { ruleId: string; ruleName: string }>(options.db, options, {
    rows: `SELECT x."id"::text AS "runId", x."at", x."outcome", x."ruleId", r."name" AS "ruleName",
       p."id", p."email", p."firstName", p."lastName", p."company",
       (SELECT COALESCE(jsonb_agg(CASE WHEN q."id" IS NULL THEN a.value
                 ELSE a.value || jsonb_build_object('registration', jsonb_build_object('status', q."status", 'lastError', q."lastError")) END
               ORDER BY a.ordinality), '[]'::jsonb)
        FROM jsonb_array_elements(x."actions") WITH ORDINALITY a
        LEFT JOIN "RegistrationRequest" q ON q."id" = (a.value ->> 'registrationRequestId')::uuid) AS "actions"
     FROM "AutomationRuleRun" x JOIN "AutomationRule" r ON r."id" = x."ruleId" JOIN "Prospect" p ON p."id" = x."prospectId"
     WHERE ${where} ORDER BY x."at" DESC, x."id" DESC`,
    count: `SELECT count(*)::int AS "total" FROM "AutomationRuleRun" x JOIN "AutomationRule" r ON r."id" = x."ruleId" WHERE ${where}`,
    values: [options.accountId, options.ruleId ?? null, options.prospectId ?? null],
  });
}
