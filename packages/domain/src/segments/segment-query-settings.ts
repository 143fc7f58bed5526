import { type PgQueryDb, pgTransaction } from "@gw/db";

/**
 * Session settings (SET LOCAL) for the statements that evaluate criteria over a whole account.
 * JIT off: Postgres compiles such a plan to machine code because its row estimates are large,
 * which costs 150–250 ms per statement and saves less than that on a sub-second query. work_mem:
 * the semi-join's hash over a million registrations fits in memory instead of spilling to disk
 * in batches. min_parallel_table_scan_size 0: a webinar-status condition's semi-join hashes the
 * registrations of the webinars in scope, reached by a nested loop over "Webinar", a table too
 * small for a parallel scan by default; without one the inner side is not parallel-aware and each
 * parallel worker built its own copy of the whole hash (three processes hashing the same million
 * registrations). With the webinars shared out by a parallel scan the workers build one shared
 * hash together (bench/segments.ts, three-condition count: 1.6 s instead of 2.4 s under load,
 * with half the CPU). Statements that write (evaluation, the incremental path) never run in
 * parallel, so only previews and counts see a difference. All only for the statement's own
 * transaction.
 */
export const SEGMENT_QUERY_SETTINGS: Record<string, string> = {
  jit: "off",
  work_mem: "64MB",
  min_parallel_table_scan_size: "0",
};

/**
 * One read over an account's prospects (a preview's count or sample, a rule preview) in a
 * transaction of its own under SEGMENT_QUERY_SETTINGS. `db` is a client made by createDb.
 */
export function segmentRead<T>(db: PgQueryDb, text: string, values: unknown[]): Promise<T[]> {
  return pgTransaction(db, (query) => query<T>(text, values), SEGMENT_QUERY_SETTINGS);
}
