import type { PgQueryDb } from "@gw/db";
import type { ProspectSummary } from "../prospects/prospect-summary";
import { baseProspectCondition, compileCriteria, SqlParams } from "./compile-criteria";
import type { Criteria } from "./criteria";
import { prepareCriteria } from "./prepare-criteria";
import { segmentRead } from "./segment-query-settings";

export interface CriteriaPreview {
  count: number;
  /** The newest matching prospects. */
  sample: ProspectSummary[];
  description: string;
}

export const MAX_SAMPLE = 50;

/** A preview's sample size: 10 unless asked, at most MAX_SAMPLE. */
export function previewSampleSize(requested: number | undefined): number {
  return Math.min(MAX_SAMPLE, Math.max(0, requested ?? 10));
}

/**
 * How many of the account's prospects match criteria now, with a sample: one count and one
 * sample query, side by side on two connections. `db` is a client made by createDb.
 */
export async function previewCriteria(options: {
  db: PgQueryDb;
  accountId: string;
  criteria: unknown;
  sampleSize?: number;
}): Promise<CriteriaPreview> {
  const prepared = await prepareCriteria(options);
  const sampleSize = previewSampleSize(options.sampleSize);
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

/**
 * A SELECT of the matching prospects' ids (`"id"`): of the whole account, or only of
 * `prospectIds` (the incremental path). For the latter each prospect is looked up by its key and
 * checked on its own (LATERAL ... OFFSET 0): otherwise the planner may answer "these 5,000 of a
 * million" by scanning the account's prospects or hashing every registration of the webinars in
 * scope, which is what the incremental path exists to avoid.
 */
export function matchingIdsQuery(
  accountId: string,
  criteria: Criteria,
  prospectIds?: string[],
  idRange?: { from?: string; to?: string },
): { sql: string; params: SqlParams } {
  const { where, params } = matchesQuery(accountId, criteria);
  if (!prospectIds) {
    const from = idRange?.from ? ` AND p."id" >= ${params.add(idRange.from)}::uuid` : "";
    const to = idRange?.to ? ` AND p."id" < ${params.add(idRange.to)}::uuid` : "";
    return { sql: `SELECT p."id" FROM "Prospect" p WHERE ${where}${from}${to}`, params };
  }
  const only = params.add(prospectIds);
  return {
    sql: `SELECT m."id" FROM unnest(${only}::uuid[]) AS c("id")
      CROSS JOIN LATERAL (SELECT p."id" FROM "Prospect" p WHERE p."id" = c."id" AND ${where} OFFSET 0) m`,
    params,
  };
}

export async function countMatches(db: PgQueryDb, accountId: string, criteria: Criteria): Promise<number> {
  const { where, params } = matchesQuery(accountId, criteria);
  const [row] = await segmentRead<{ count: number }>(
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
  return segmentRead<ProspectSummary>(
    db,
    `SELECT p."id", p."email", p."firstName", p."lastName", p."company" FROM "Prospect" p WHERE ${where}
     ORDER BY p."createdAt" DESC, p."id" DESC LIMIT ${params.add(limit)}::int`,
    params.values,
  );
}
