import type { PgTransactionQuery } from "@gw/db";
import type { Criteria } from "./criteria";
import { matchingIdsQuery } from "./preview-criteria";

export interface SyncListMembersOptions {
  listId: string;
  accountId: string;
  criteria: Criteria;
  /** Only these prospects (the incremental path); every prospect of the account when absent. */
  prospectIds?: string[];
  /** Only prospects whose id is in this range: one part of a full evaluation (see evaluateDynamicList). */
  idRange?: ProspectIdRange;
  /**
   * Join the matches that were not members when the statement began with a plain INSERT instead
   * of ON CONFLICT DO NOTHING, whose speculative insertion costs a third more per row (0.4 s of
   * CPU on 222,500 joins). A membership another writer commits meanwhile then fails the statement
   * with a unique_violation: run it again without this.
   */
  plainInsert?: boolean;
}

/** Prospect ids from `from` (inclusive) to `to` (exclusive); an open end when absent. */
export interface ProspectIdRange {
  from?: string;
  to?: string;
}

export interface ListMemberChanges {
  joined: number;
  left: number;
}

/**
 * Makes a dynamic list's members equal to the criteria's matches, in one statement: matches
 * that are not members join, members that no longer match leave, and both are logged with the
 * time in ListMembershipChange. Run inside a transaction with gw.segment_eval = 'on' (its own
 * membership writes are output, not changes to re-check, and need no prospect look-up: see the
 * lock below) and SEGMENT_QUERY_SETTINGS. Members
 * already in are skipped by ON CONFLICT, or with `plainInsert` by an anti-join over the members
 * read first into a CTE of their own, never by a NOT EXISTS over the table: planned while the
 * list is empty, that anti-join became a nested loop re-reading the rows this very statement
 * inserts, once per match (minutes for 222,500 joins in bench/segments.ts). Joins are written in
 * id order: the indexes by prospect (the membership's, the change log's, the change events') then
 * take them page by page instead of at random, which costs about a quarter less CPU and WAL on a
 * list everyone joins. On the incremental path (`prospectIds`) the hour's count in
 * ListCountHistory moves by the difference, or is counted when the hour has none yet; a full
 * evaluation counts once after its parts (evaluateDynamicList).
 */
export async function syncListMembers(
  query: PgTransactionQuery,
  options: SyncListMembersOptions,
): Promise<ListMemberChanges> {
  const { sql: matching, params } = matchingIdsQuery(
    options.accountId,
    options.criteria,
    options.prospectIds,
    options.idRange,
  );
  const list = params.add(options.listId);
  const only = options.prospectIds ? params.add(options.prospectIds) : undefined;
  const from = options.idRange?.from ? params.add(options.idRange.from) : undefined;
  const to = options.idRange?.to ? params.add(options.idRange.to) : undefined;
  const inRange = `${from ? ` AND m."prospectId" >= ${from}::uuid` : ""}${to ? ` AND m."prospectId" < ${to}::uuid` : ""}`;
  // Before the statement, so that its snapshot sees every prospect deletion that committed first
  // and none commits until this transaction does: the joins it writes are prospects it read, so
  // the membership trigger need not look each one up again (list_evaluation_checks migration).
  await query(
    `SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock_shared(prospect_deletion_lock_key($1::uuid))) l`,
    [options.accountId],
  );
  const scope = `m."listId" = ${list}::uuid${only ? ` AND m."prospectId" = ANY(${only}::uuid[])` : ""}${inRange}`;
  const joins = options.plainInsert
    ? `, members AS MATERIALIZED (SELECT m."prospectId" FROM "ListMembership" m WHERE ${scope}), ins AS (
       INSERT INTO "ListMembership" ("listId", "prospectId") SELECT ${list}::uuid, t."id" FROM target t
       WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m."prospectId" = t."id") ORDER BY t."id"
       RETURNING "prospectId"`
    : `, ins AS (
       INSERT INTO "ListMembership" ("listId", "prospectId") SELECT ${list}::uuid, t."id" FROM target t ORDER BY t."id"
       ON CONFLICT DO NOTHING RETURNING "prospectId"`;
  const [row] = await query<ListMemberChanges>(
    `WITH target AS MATERIALIZED (${matching})${joins}
     ), del AS (
       DELETE FROM "ListMembership" m WHERE ${scope}
         AND NOT EXISTS (SELECT 1 FROM target t WHERE t."id" = m."prospectId")
       RETURNING m."prospectId"
     ), log AS (
       INSERT INTO "ListMembershipChange" ("listId", "prospectId", "joined")
       SELECT ${list}::uuid, "prospectId", true FROM ins UNION ALL SELECT ${list}::uuid, "prospectId", false FROM del
     )
     SELECT (SELECT count(*) FROM ins)::int AS "joined", (SELECT count(*) FROM del)::int AS "left"`,
    params.values,
  );
  const changes = row ?? { joined: 0, left: 0 };
  if (options.prospectIds && (changes.joined || changes.left)) {
    await recordListCount(query, options.listId, changes.joined - changes.left);
  }
  return changes;
}

async function recordListCount(query: PgTransactionQuery, listId: string, delta: number): Promise<void> {
  await query(
    `WITH moved AS (
       UPDATE "ListCountHistory" SET "count" = "count" + $2::int
       WHERE "listId" = $1::uuid AND "hour" = date_trunc('hour', now()) RETURNING 1
     )
     INSERT INTO "ListCountHistory" ("listId", "hour", "count")
     SELECT $1::uuid, date_trunc('hour', now()), (SELECT count(*)::int FROM "ListMembership" WHERE "listId" = $1::uuid)
     WHERE NOT EXISTS (SELECT 1 FROM moved)
     ON CONFLICT DO NOTHING`,
    [listId, delta],
  );
}
