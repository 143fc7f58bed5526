export { createDb, type Db } from "./client";
export { databaseName, ensureDatabase, withDatabase } from "./database";
export { isDatabaseUnavailable } from "./database-unavailable";
export * from "./generated/prisma/client";
export { localMigrations, type MigrationStatus, migrateDeploy, migrationStatus } from "./migrations";
export { type PgQueryDb, pgQuery } from "./pg-query";
export { prepareDatabase } from "./prepare-database";
export { retryOnDeadlock } from "./retry-on-deadlock";
export { normalizeSchema, schemaMatchesLatestMigration } from "./schema-snapshots";
