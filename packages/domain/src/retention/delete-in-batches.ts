import type { Db } from "@gw/db";

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
  db: Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">,
  statement: string,
  values: unknown[],
  limits: BatchLimits & { counted?: boolean } = {},
): Promise<number> {
  const batchSize = limits.batchSize ?? 1000;
  const maxBatches = limits.maxBatches ?? 100;
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const touched = limits.counted
      ? ((await db.$queryRawUnsafe<{ n: number }[]>(statement, batchSize, ...values))[0]?.n ?? 0)
      : await db.$executeRawUnsafe(statement, batchSize, ...values);
    total += touched;
    if (touched < batchSize) break;
  }
  return total;
}
