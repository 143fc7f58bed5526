import { type PgQueryDb, pgQuery } from "@gw/db";

export interface BatchLimits {
  /** Rows per statement: short statements that never hold many locks or stall the writers. */
  batchSize?: number;
  /** Statements per run at most; the next run goes on where this one stopped. */
  maxBatches?: number;
}

/**
 * Runs `statement` (a DELETE or UPDATE of at most `$1` rows, oldest first, its other parameters
 * after) until it touches fewer rows than a batch, or the run's cap is reached. A statement
 * that is not a plain DELETE/UPDATE returns its count as a row `{ n }` instead (`counted`).
 */
export async function deleteInBatches(
  db: PgQueryDb,
  statement: string,
  values: unknown[],
  limits: BatchLimits & { counted?: boolean } = {},
): Promise<number> {
  const batchSize = limits.batchSize ?? 1000;
  const maxBatches = limits.maxBatches ?? 100;
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    // A plain statement is counted by wrapping it: pgQuery returns rows, not a row count.
    const counted = limits.counted
      ? statement
      : `WITH touched AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM touched`;
    const touched = (await pgQuery<{ n: number }>(db, counted, [batchSize, ...values]))[0]?.n ?? 0;
    total += touched;
    if (touched < batchSize) break;
  }
  return total;
}
