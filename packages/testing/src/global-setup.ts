// Runs once per vitest process: makes sure a migrated template database exists, so each test
// file gets its own database by a fast `CREATE DATABASE ... TEMPLATE` instead of migrating.
import { migrateDeploy, withDatabase } from "@gw/db";
import { databaseUrlFor, TEST_SERVER_DATABASE_URL } from "./server-urls";
import { TEMPLATE_LOCK, templateDatabaseName } from "./template";

export default async function setup(): Promise<void> {
  const name = templateDatabaseName();
  await withDatabase(TEST_SERVER_DATABASE_URL, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount) return;
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}"`);
      await client.query(`CREATE DATABASE "${building}"`);
      await migrateDeploy(databaseUrlFor(building));
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
}
