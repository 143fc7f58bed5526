import { type Db, type Prisma, pgQuery } from "@gw/db";
import { conflict, notFound } from "../errors/index";
import { cleanName } from "../names/unique-name";
import { type Page, type PageRequest, pgPage } from "../paging/paging";
import { prepareCriteria } from "../segments/prepare-criteria";
import { parseRuleActions } from "./rule-actions";
import { RULE_COLUMNS, type RuleView, withDescription } from "./rule-view";

export interface RuleInput {
  name: string;
  criteria: unknown;
  actions: unknown;
  repeat?: boolean;
}

/** A new rule, as a draft: preview it, then enable it. */
export async function createRule(options: RuleInput & { accountId: string } & { db: Db }): Promise<RuleView> {
  const name = cleanName(options.name);
  const prepared = await prepareCriteria(options);
  const actions = await parseRuleActions(options);
  await assertNameFree(options.db, options.accountId, name);
  const [row] = await pgQuery<{ id: string }>(
    options.db,
    `INSERT INTO "AutomationRule" ("accountId", "name", "criteria", "actions", "repeat", "updatedAt")
     VALUES ($1::uuid, $2, $3::jsonb, $4::jsonb, $5, now()) RETURNING "id"`,
    [options.accountId, name, JSON.stringify(prepared.criteria), JSON.stringify(actions), options.repeat ?? false],
  ).catch(rethrowTaken(name));
  return getRule({ db: options.db, accountId: options.accountId, ruleId: row!.id });
}

/**
 * Changes a rule. New criteria or actions apply to matches from now on; prospects the rule
 * already ran on are not run again unless it repeats (pause and resume to re-run the new version).
 */
export async function updateRule(
  options: Partial<RuleInput> & { accountId: string; ruleId: string } & { db: Db },
): Promise<RuleView> {
  await findRule(options);
  const data: Prisma.AutomationRuleUpdateInput = {};
  if (options.name !== undefined) {
    data.name = cleanName(options.name);
    await assertNameFree(options.db, options.accountId, data.name, options.ruleId);
  }
  if (options.criteria !== undefined) {
    data.criteria = (
      await prepareCriteria({ db: options.db, accountId: options.accountId, criteria: options.criteria })
    ).criteria as object;
  }
  if (options.actions !== undefined)
    data.actions = (await parseRuleActions({
      db: options.db,
      accountId: options.accountId,
      actions: options.actions,
    })) as object[];
  if (options.repeat !== undefined) data.repeat = options.repeat;
  await options.db.automationRule
    .update({ where: { id: options.ruleId }, data })
    .catch(rethrowTaken(String(data.name)));
  return getRule(options);
}

export async function getRule(options: { db: Db; accountId: string; ruleId: string }): Promise<RuleView> {
  const [rule] = await pgQuery<RuleView>(
    options.db,
    `SELECT ${RULE_COLUMNS} FROM "AutomationRule" r WHERE r."id" = $1::uuid AND r."accountId" = $2::uuid`,
    [options.ruleId, options.accountId],
  );
  if (!rule) throw notFound("Rule", options.ruleId);
  return withDescription(options.db, options.accountId, rule);
}

export async function listRules(options: PageRequest & { accountId: string } & { db: Db }): Promise<Page<RuleView>> {
  return pgPage<RuleView>(options.db, options, {
    rows: `SELECT ${RULE_COLUMNS} FROM "AutomationRule" r WHERE r."accountId" = $1::uuid ORDER BY lower(r."name"), r."id"`,
    count: `SELECT count(*)::int AS "total" FROM "AutomationRule" WHERE "accountId" = $1::uuid`,
    values: [options.accountId],
  });
}

export async function deleteRule(options: { db: Db; accountId: string; ruleId: string }): Promise<void> {
  const { count } = await options.db.automationRule.deleteMany({
    where: { id: options.ruleId, accountId: options.accountId },
  });
  if (count === 0) throw notFound("Rule", options.ruleId);
}

export async function findRule(options: { db: Db; accountId: string; ruleId: string }) {
  const rule = await options.db.automationRule.findFirst({
    where: { id: options.ruleId, accountId: options.accountId },
  });
  if (!rule) throw notFound("Rule", options.ruleId);
  return rule;
}

async function assertNameFree(db: Db, accountId: string, name: string, exceptId?: string) {
  const taken = await db.automationRule.findFirst({
    where: { accountId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (taken) throw conflict(`A rule named "${taken.name}" already exists; choose another name`, "name");
}

const rethrowTaken = (name: string) => (error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === "23505" || code === "P2002")
    throw conflict(`A rule named "${name}" already exists; choose another name`, "name");
  throw error;
};
