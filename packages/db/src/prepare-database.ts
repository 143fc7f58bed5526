import { databaseName, ensureDatabase } from "./database";
import { migrateDeploy, migrationStatus } from "./migrations";

/**
 * Start-up step of both apps: creates the database if missing and applies migrations, or, with
 * migrations off, refuses to start with a message that says what to run.
 */
export async function prepareDatabase(databaseUrl: string, options: { migrate: boolean }): Promise<void> {
  try {
    await ensureDatabase(databaseUrl);
  } catch (error) {
    throw new Error(
      `cannot reach Postgres to prepare database "${databaseName(databaseUrl)}": ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (options.migrate) {
    await migrateDeploy(databaseUrl);
    return;
  }
  const status = await migrationStatus(databaseUrl);
  if (status.pending.length || status.failed.length) {
    throw new Error(
      `database "${databaseName(databaseUrl)}" is missing migrations (${[...status.failed, ...status.pending].join(", ")}): run npm run db:migrate, or set MIGRATE_ON_START=true`,
    );
  }
}
