import { randomBytes } from "node:crypto";
import { createDb, type Db, withDatabase } from "@gw/db";
import { afterAll, beforeAll, inject } from "vitest";
import { databaseUrlFor, TEST_SERVER_DATABASE_URL } from "./server-urls";
import { runDatabasePrefix, TEMPLATE_LOCK, templateDatabaseName } from "./template";

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  /**
   * Disconnects and drops the database. Under vitest the drop waits for the end of the run
   * (global-setup.ts drops the run's databases together): each DROP DATABASE waits for a
   * checkpoint, seconds on a busy server, and concurrent drops share one.
   */
  drop(): Promise<void>;
}

/** A fresh, fully migrated database of its own for one test file. */
export async function createTestDatabase(label = "t"): Promise<TestDatabase> {
  const { create, ...database } = plannedTestDatabase(label);
  await create();
  return database;
}

/**
 * `createTestDatabase` as the file's fixture: the client is there at once (it connects on first
 * use), so `const { db } = useTestDatabase("x")` may sit at the top of the file; the database is
 * made before the file's tests and dropped after them.
 */
export function useTestDatabase(label = "t"): TestDatabase {
  const { create, ...database } = plannedTestDatabase(label);
  beforeAll(create);
  afterAll(database.drop);
  return database;
}

function plannedTestDatabase(label: string): TestDatabase & { create(): Promise<void> } {
  const run = vitestRun();
  const name = `${run ? runDatabasePrefix(run) : "gw_test_"}${label.replace(/\W/g, "").slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const url = databaseUrlFor(name);
  const db = createDb(url, { poolSize: 5 });
  return {
    name,
    url,
    db,
    async create() {
      await withDatabase(TEST_SERVER_DATABASE_URL, async (client) => {
        await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
        try {
          await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`);
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
        }
      });
    },
    async drop() {
      await db.$disconnect();
      if (run) return;
      await withDatabase(TEST_SERVER_DATABASE_URL, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

/** The vitest run's id that global-setup.ts provides; none outside vitest (benchmarks). */
function vitestRun(): string | undefined {
  try {
    return inject("gwTestRun");
  } catch {
    return undefined;
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    gwTestRun: string;
  }
}
