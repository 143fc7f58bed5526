import { createDb, type Db, Prisma, pgQuery, pgTransaction, sqlQuery } from "@gw/db";
import { createTestDatabase, type TestDatabase } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase("pg_query");
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const SQL = `SELECT 9007199254740993::bigint AS big, 3::int AS small, TIMESTAMPTZ '2026-12-01T10:00:00Z' AS at,
  '{"a":1}'::jsonb AS doc, gen_random_uuid() AS id`;

describe("pgQuery", () => {
  it("returns the same types on the pool and inside a Prisma transaction", async () => {
    const [outside] = await pgQuery<Record<string, unknown>>(db, SQL, []);
    const [inside] = await db.$transaction((tx) => pgQuery<Record<string, unknown>>(tx, SQL, []));
    for (const row of [outside, inside]) {
      expect(row).toMatchObject({ big: "9007199254740993", small: 3, doc: { a: 1 } });
      expect(row?.at).toEqual(new Date("2026-12-01T10:00:00Z"));
      expect(typeof row?.id).toBe("string");
    }
  });
});

describe("sqlQuery", () => {
  it("runs composed Prisma.sql fragments with their values bound, as pgQuery returns them", async () => {
    const inner = Prisma.sql`${"o'brien"}::text AS name`;
    const [row] = await sqlQuery<Record<string, unknown>>(
      db,
      Prisma.sql`SELECT ${inner}, ${41}::int + 1 AS n, ${new Date("2026-12-01T10:00:00Z")}::timestamptz AS at, ${["a", "b"]}::text[] AS tags`,
    );
    expect(row).toEqual({ name: "o'brien", n: 42, at: new Date("2026-12-01T10:00:00Z"), tags: ["a", "b"] });
  });
});

describe("pgTransaction", () => {
  it("applies its settings to its own transaction only", async () => {
    // One connection, so that the second transaction runs where the first one did.
    const single = createDb(database.url, { poolSize: 1 });
    try {
      const read = `SELECT current_setting('gw.segment_eval', true) AS eval, current_setting('work_mem') AS mem,
        current_setting('jit') AS jit`;
      const [inside] = await pgTransaction(single, (query) => query<Record<string, string>>(read, []), {
        "gw.segment_eval": "on",
        work_mem: "12MB",
        jit: "off",
      });
      expect(inside).toEqual({ eval: "on", mem: "12MB", jit: "off" });
      const [after] = await pgTransaction(single, (query) => query<Record<string, string>>(read, []));
      expect(after?.eval ?? "").toBe("");
      expect(after?.mem).not.toBe("12MB");
    } finally {
      await single.$disconnect();
    }
  });

  it("survives its connection being killed mid-transaction: the work fails, the process and the pool go on", async () => {
    const unhandled: unknown[] = [];
    const onUncaught = (error: unknown) => unhandled.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      const outcome = pgTransaction(db, async (query) => {
        const [{ pid }] = (await query<{ pid: number }>("SELECT pg_backend_pid() AS pid", [])) as [{ pid: number }];
        // Another connection ends this one while the transaction sits between statements.
        await pgQuery(db, "SELECT pg_terminate_backend($1)", [pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return query("SELECT 1", []);
      });
      await expect(outcome).rejects.toThrow();
      expect(unhandled).toEqual([]);
      expect(await pgTransaction(db, (query) => query<{ n: number }>("SELECT 1 AS n", []))).toEqual([{ n: 1 }]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
