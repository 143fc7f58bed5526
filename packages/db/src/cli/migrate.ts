// `npm run db:migrate`: creates the configured database if missing and applies every migration.
import { ConfigError, loadConfig } from "@gw/config";
import { databaseName, ensureDatabase } from "../database";
import { migrateDeploy, migrationStatus } from "../migrations";

try {
  const config = loadConfig();
  const created = await ensureDatabase(config.databaseUrl);
  await migrateDeploy(config.databaseUrl);
  const status = await migrationStatus(config.databaseUrl);
  console.log(
    `database "${databaseName(config.databaseUrl)}"${created ? " created and" : ""} migrated: ${status.applied.length} migration(s) applied, ${status.pending.length} pending`,
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `db:migrate failed: ${(error as Error).message}`);
  process.exit(1);
}
