import type { PgQueryDb } from "@gw/db";
import { loadReferenceNames } from "./check-criteria-references";
import { describeCriteria } from "./describe-criteria";
import { parseCriteria } from "./parse-criteria";

/** Stored criteria (a list's or a rule's) in words, with today's names of what they refer to. */
export async function describeStoredCriteria(options: {
  db: PgQueryDb;
  accountId: string;
  criteria: unknown;
}): Promise<string> {
  const criteria = parseCriteria(options.criteria);
  return describeCriteria(
    criteria,
    await loadReferenceNames({ db: options.db, accountId: options.accountId, criteria }),
  );
}
