import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  ensureDatabase,
  migrateDeploy,
  migrationStatus,
  normalizeSchema,
  schemaMatchesLatestMigration,
  withDatabase,
} from "@gw/db";
import { createAccount, createTestDatabase } from "@gw/testing";
import { afterAll, describe, expect, it } from "vitest";

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const emptyUrl = serverUrl.replace(/\/[^/]*$/, `/gw_test_empty_${process.pid}`);

afterAll(async () => {
  await withDatabase(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "gw_test_empty_${process.pid}" WITH (FORCE)`));
});

describe("migrations", () => {
  it("create the database and apply every migration to an empty one", async () => {
    expect(await ensureDatabase(emptyUrl)).toBe(true);
    expect(await ensureDatabase(emptyUrl)).toBe(false);
    expect((await migrationStatus(emptyUrl)).pending.length).toBeGreaterThan(0);
    await migrateDeploy(emptyUrl);
    const status = await migrationStatus(emptyUrl);
    expect(status.pending).toEqual([]);
    expect(status.failed).toEqual([]);
    const tables = await withDatabase(
      emptyUrl,
      (c) => c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"),
      emptyUrl.split("/").pop(),
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["Prospect", "Webinar", "Activity", "Connector"]),
    );
  }, 120_000); // every migration from empty, on a machine that may be busy with other suites

  it("leave no schema change without a migration (drift check)", () => {
    // Fails when prisma/schema.prisma changed but `npm run db:migration -- <name>` was not run.
    expect(schemaMatchesLatestMigration()).toBe(true);
  });

  it("detect drift when the schema gains a field", () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../../prisma/schema.prisma"), "utf8");
    const dir = path.resolve(import.meta.dirname, "../../../prisma/migrations");
    const last = readdirSync(dir)
      .filter((d) => !d.endsWith(".toml"))
      .sort()
      .at(-1)!;
    const snapshot = readFileSync(path.join(dir, last, "schema.snapshot.prisma"), "utf8");
    const changed = schema.replace("model Tag {", "model Tag {\n  color String?");
    expect(normalizeSchema(changed)).not.toBe(normalizeSchema(snapshot));
    expect(normalizeSchema(`${schema}\n// a comment only`)).toBe(normalizeSchema(schema));
  });
});

describe("database constraints", () => {
  it("keep one active prospect per e-mail per account, ignoring case, but allow merged-away duplicates", async () => {
    const t = await createTestDatabase("constraints");
    try {
      const account = await createAccount(t.db);
      const other = await createAccount(t.db);
      const master = await t.db.prospect.create({ data: { accountId: account.id, email: "Ann@Example.com" } });
      await expect(
        t.db.prospect.create({ data: { accountId: account.id, email: "ann@example.COM" } }),
      ).rejects.toThrow();
      // Another tenant may hold the same address.
      await t.db.prospect.create({ data: { accountId: other.id, email: "ann@example.com" } });
      // Once merged away, a new prospect may use the e-mail again (a form fill does this).
      const old = await t.db.prospect.create({ data: { accountId: account.id, email: "b@example.com" } });
      await t.db.prospect.update({ where: { id: old.id }, data: { mergedIntoId: master.id } });
      await t.db.prospect.create({ data: { accountId: account.id, email: "B@example.com" } });
    } finally {
      await t.drop();
    }
  });
});
