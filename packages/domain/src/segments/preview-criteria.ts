import { type PgQueryDb, pgQuery } from "@gw/db";
import type { ProspectSummary } from "../prospects/prospect-summary";
import { baseProspectCondition, compileCriteria, SqlParams } from "./compile-criteria";
import type { Criteria } from "./criteria";
import { prepareCriteria } from "./prepare-criteria";

export interface CriteriaPreview {
  count: number;
  /** The newest matching prospects. */
  sample: ProspectSummary[];
  description: string;
}

export const MAX_SAMPLE = 50;

/** How many of the account's prospects match criteria now, with a sample: one count, one sample query. */
export async function previewCriteria(options: {
  db: PgQueryDb;
  accountId: string;
  criteria: unknown;
  sampleSize?: number;
}): Promise<CriteriaPreview> {
  const prepared = await prepareCriteria(options);
  const sampleSize = Math.min(MAX_SAMPLE, Math.max(0, options.sampleSize ?? 10));
  const [count, sample] = await Promise.all([
    countMatches(options.db, options.accountId, prepared.criteria),
    sampleMatches(options.db, options.accountId, prepared.criteria, sampleSize),
  ]);
  return { count, sample, description: prepared.description };
}

export function matchesQuery(accountId: string, criteria: Criteria): { where: string; params: SqlParams } {
  const params = new SqlParams();
  const account = params.add(accountId);
  return { where: `${baseProspectCondition(account)} AND ${compileCriteria(criteria, params, account)}`, params };
}

export async function countMatches(db: PgQueryDb, accountId: string, criteria: Criteria): Promise<number> {
  const { where, params } = matchesQuery(accountId, criteria);
  const [row] = await pgQuery<{ count: number }>(
    db,
    `SELECT count(*)::int AS "count" FROM "Prospect" p WHERE ${where}`,
    params.values,
  );
  return row?.count ?? 0;
}

async function sampleMatches(
  db: PgQueryDb,
  accountId: string,
  criteria: Criteria,
  limit: number,
): Promise<ProspectSummary[]> {
  if (limit === 0) return [];
  const { where, params } = matchesQuery(accountId, criteria);
  return pgQuery<ProspectSummary>(
    db,
    `SELECT p."id", p."email", p."firstName", p."lastName", p."company" FROM "Prospect" p WHERE ${where}
     ORDER BY p."createdAt" DESC, p."id" DESC LIMIT ${params.add(limit)}::int`,
    params.values,
  );
}
