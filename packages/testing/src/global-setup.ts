// Runs once per vitest process: makes sure a migrated template database exists, so each test
// file gets its own database by a fast `CREATE DATABASE ... TEMPLATE` instead of migrating, and
// at the end drops the databases the run's files made.
import { randomBytes } from "node:crypto";
import { migrateDeploy, withDatabase } from "@gw/db";
import type { TestProject } from "vitest/node";
import { databaseUrlFor, TEST_SERVER_DATABASE_URL } from "./server-urls";
import {
  checkoutTemplatePrefix,
  FOREIGN_TEMPLATE_MAX_AGE_HOURS,
  runDatabasePrefix,
  TEMPLATE_LOCK,
  templateDatabaseName,
} from "./template";

/** `project` is vitest's; a benchmark calls it without one (its own databases, dropped at once). */
export default async function setup(project?: TestProject): Promise<() => Promise<void>> {
  const run = randomBytes(3).toString("hex");
  project?.provide("gwTestRun", run);
  await buildTemplate();
  // The run's test databases, dropped together: each DROP DATABASE waits for a checkpoint, and
  // drops at the same time share one.
  return async () => {
    const prefix = runDatabasePrefix(run).replace(/_/g, "\\_");
    const names = await withDatabase(TEST_SERVER_DATABASE_URL, (client) =>
      client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]),
    );
    const queue = names.rows.map((row) => row.datname);
    const dropOne = async (): Promise<void> => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const database = name;
        await withDatabase(TEST_SERVER_DATABASE_URL, (client) =>
          client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
        );
      }
    };
    await Promise.all(Array.from({ length: 8 }, dropOne));
  };
}

async function buildTemplate(): Promise<void> {
  const name = templateDatabaseName();
  await withDatabase(TEST_SERVER_DATABASE_URL, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      // This checkout's templates of older migrations are of no further use, nor are other
      // checkouts' templates not rebuilt for hours (their clones are gone): drop them rather
      // than pile them up. The build time is kept as the database's comment.
      const stale = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database d
          WHERE datname LIKE 'gw\\_test\\_tpl\\_%' AND datname <> $1
            AND (datname LIKE $2 OR coalesce(shobj_description(d.oid, 'pg_database'), '') !~ '^built ' OR
                 substring(shobj_description(d.oid, 'pg_database') from 7)::timestamptz < now() - make_interval(hours => $3))`,
        [name, `${checkoutTemplatePrefix().replace(/_/g, "\\_")}%`, FOREIGN_TEMPLATE_MAX_AGE_HOURS],
      );
      for (const row of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount) return;
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}"`);
      await client.query(`CREATE DATABASE "${building}"`);
      await migrateDeploy(databaseUrlFor(building));
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      await client.query(`COMMENT ON DATABASE "${name}" IS 'built ${new Date().toISOString()}'`);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
}
