import type { Db } from "@gw/db";
import { runRule } from "../rules/run-rule";
import { toRunnableRule } from "../rules/run-rules";
import { isTimeRelative } from "./compile-criteria";
import { evaluateDynamicList } from "./evaluate-dynamic-list";
import { parseCriteria } from "./parse-criteria";

/**
 * Criteria with a moving window ("attended in the last 30 days") change with the clock, not
 * only with the data: re-evaluates such dynamic lists not evaluated for `everyMs`, and runs
 * such enabled rules over the account. Called periodically by the worker's segment consumer.
 */
export async function refreshTimeRelativeSegments(options: {
  db: Db;
  everyMs: number;
  giveUpAfterMs: number;
  log?: { warn(obj: object, msg?: string): void };
}): Promise<{ lists: number; rules: number; registrationRequestIds: string[] }> {
  const { db } = options;
  const before = new Date(Date.now() - options.everyMs);
  const lists = await db.list.findMany({
    where: { kind: "DYNAMIC", OR: [{ evaluatedAt: null }, { evaluatedAt: { lt: before } }] },
    select: { id: true, accountId: true, criteria: true },
  });
  let listCount = 0;
  for (const list of lists) {
    try {
      if (!isTimeRelative(parseCriteria(list.criteria))) continue;
      await evaluateDynamicList({ db: options.db, accountId: list.accountId, listId: list.id });
      listCount += 1;
    } catch (error) {
      options.log?.warn({ err: error, listId: list.id }, "segments: periodic list re-evaluation failed");
    }
  }
  // Rules have no evaluatedAt: the caller's period paces them.
  const rules = await db.automationRule.findMany({ where: { status: "ENABLED" } });
  const registrationRequestIds: string[] = [];
  let ruleCount = 0;
  for (const row of rules) {
    try {
      const rule = toRunnableRule(row);
      if (!isTimeRelative(rule.criteria)) continue;
      const summary = await runRule(db, rule, { giveUpAfterMs: options.giveUpAfterMs });
      registrationRequestIds.push(...summary.registrationRequestIds);
      ruleCount += 1;
    } catch (error) {
      options.log?.warn({ err: error, ruleId: row.id }, "segments: periodic rule run failed");
    }
  }
  return { lists: listCount, rules: ruleCount, registrationRequestIds };
}
