import type { PgQueryDb } from "@gw/db";
import { checkCriteriaReferences, type ReferenceNames } from "./check-criteria-references";
import type { Criteria } from "./criteria";
import { describeCriteria } from "./describe-criteria";
import { parseCriteria } from "./parse-criteria";

export interface PreparedCriteria {
  criteria: Criteria;
  names: ReferenceNames;
  /** The criteria in words. */
  description: string;
}

/** Input criteria checked in shape and against the account (400s name the condition), then put in words. */
export async function prepareCriteria(options: {
  db: PgQueryDb;
  accountId: string;
  criteria: unknown;
  field?: string;
}): Promise<PreparedCriteria> {
  const criteria = parseCriteria(options.criteria, options.field);
  const names = await checkCriteriaReferences({
    db: options.db,
    accountId: options.accountId,
    criteria,
    field: options.field,
  });
  return { criteria, names, description: describeCriteria(criteria, names) };
}
