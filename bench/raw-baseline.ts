/**
 * The raw Postgres baseline of bench/sync-initial.ts: the rows the sync wrote for one account
 * (prospects, registrations, activities) written again, on the same database in the same run,
 * as plain multi-row INSERTs with no application logic: no matching, no conflict handling, no
 * scoring. Copies go to a fresh account (new prospect ids, the same webinars), so every unique
 * index and trigger the real writes pay for is paid here too.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";

const CHUNK = 5000;
const TABLES = ["Prospect", "WebinarRegistration", "Activity"] as const;

export interface RawBaseline {
  rows: number;
  ms: number;
}

export async function measureRawBaseline(options: {
  databaseUrl: string;
  accountId: string;
  baselineAccountId: string;
  parallel: number;
}): Promise<RawBaseline> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.parallel });
  pool.on("error", () => undefined); // the scratch database is dropped with (FORCE) at the end
  try {
    // Read outside the timing: the baseline is the cost of writing, as the sync's is.
    const newProspectId = new Map<string, string>();
    const copies: Record<(typeof TABLES)[number], Record<string, unknown>[]> = {
      Prospect: [],
      WebinarRegistration: [],
      Activity: [],
    };
    for (const table of TABLES) {
      const { rows } = await pool.query(`SELECT * FROM "${table}" WHERE "accountId" = $1`, [options.accountId]);
      for (const row of rows as Record<string, unknown>[]) {
        row.accountId = options.baselineAccountId;
        if (table === "Prospect") {
          const id = randomUUID();
          newProspectId.set(row.id as string, id);
          row.id = id;
        } else {
          row.id = randomUUID();
          row.prospectId = newProspectId.get(row.prospectId as string);
        }
        copies[table].push(row);
      }
    }
    const started = performance.now();
    let total = 0;
    for (const table of TABLES) {
      const chunks: Record<string, unknown>[][] = [];
      for (let i = 0; i < copies[table].length; i += CHUNK) chunks.push(copies[table].slice(i, i + CHUNK));
      total += copies[table].length;
      await runParallel(chunks, options.parallel, (chunk) =>
        pool.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [
          JSON.stringify(chunk),
        ]),
      );
    }
    return { rows: total, ms: performance.now() - started };
  } finally {
    await pool.end();
  }
}

async function runParallel<T>(items: T[], parallel: number, run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}
