/**
 * Session settings (SET LOCAL) for the statements that evaluate criteria over a whole account.
 * JIT off: Postgres compiles such a plan to machine code because its row estimates are large,
 * which costs 150–250 ms per statement and saves less than that on a sub-second query. work_mem:
 * the semi-join's hash over a million registrations fits in memory instead of spilling to disk
 * in batches. Both only for the statement's own transaction.
 */
export const SEGMENT_QUERY_SETTINGS: Record<string, string> = { jit: "off", work_mem: "64MB" };
