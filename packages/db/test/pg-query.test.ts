import { createDb, type Db, Prisma, pgQuery, sqlQuery } from "@gw/db";
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
