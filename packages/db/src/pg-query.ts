import { poolOf } from "./client";
import type { Prisma } from "./generated/prisma/client";

export type PgQueryDb = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/**
 * Runs one SQL statement (`$1`… placeholders, arrays as parameters) and returns its rows: for
 * the hot paths, sync batches and registration pushes.
 *
 * Why not `$queryRaw`: Prisma carries every parameter through its query compiler and driver
 * adapter, which for statements over thousands of rows costs the worker 4–5× the CPU that
 * node-postgres alone does (about 50 ms against 11 ms for 2,500 activities), and a millisecond or
 * two even for one row; both the initial sync and a burst of form registrations were CPU-bound
 * on it (bench/sync-initial.ts, bench/forms.ts). On a client made by createDb the statement goes
 * straight to its pool; inside a transaction it goes through the transaction's client, so it
 * still commits or rolls back with the rest.
 *
 * Rows come back the same on both routes, with node-postgres's types: bigint as a string (cast
 * counts to int), uuids strings, timestamptz Dates, json parsed. (Inside a transaction Prisma
 * runs the statement and would hand bigint back as a BigInt: converted here to match.)
 */
export async function pgQuery<T>(db: PgQueryDb, text: string, values: unknown[]): Promise<T[]> {
  const pool = poolOf(db);
  if (pool) return (await pool.query(text, values)).rows as T[];
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
  return rows.map(bigintsAsStrings) as T[];
}

function bigintsAsStrings(row: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) if (typeof value === "bigint") row[key] = value.toString();
  return row;
}

/**
 * Runs a statement composed from `Prisma.sql` fragments (the reports' shared filters) through
 * `pgQuery`: the fragments keep their values bound as parameters, and the statement skips
 * `$queryRaw`'s per-call compilation (about 2 ms a call here), which page loads feel.
 */
export function sqlQuery<T>(db: PgQueryDb, statement: Prisma.Sql): Promise<T[]> {
  return pgQuery<T>(db, statement.text, statement.values);
}

export type PgTransactionQuery = <T>(text: string, values: unknown[]) => Promise<T[]>;

/**
 * Runs `work` in one transaction on one pooled connection of a client made by createDb, with
 * `settings` applied as SET LOCAL (transaction-scoped custom settings such as
 * `gw.segment_eval`, which triggers read). Rolls back when `work` throws.
 */
export async function pgTransaction<T>(
  db: object,
  work: (query: PgTransactionQuery) => Promise<T>,
  settings: Record<string, string> = {},
): Promise<T> {
  const pool = poolOf(db);
  if (!pool) throw new Error("pgTransaction needs a client made by createDb");
  const client = await pool.connect();
  // A checked-out client has no pool listener: a connection killed mid-transaction (server
  // restart, failover, database dropped) would emit an unhandled 'error' and end the process.
  // The failure reaches `work` as a rejected query instead, and the client is discarded.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const entries = Object.entries(settings);
    if (entries.length > 0) {
      // One round trip for every setting, not one each.
      await client.query(
        `SELECT ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(", ")}`,
        entries.flat(),
      );
    }
    const result = await work(
      async <R>(text: string, values: unknown[]) => (await client.query(text, values)).rows as R[],
    );
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
