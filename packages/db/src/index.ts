export { createDb, type Db } from "./client";
export { pgQuery, type PgQueryDb } from "./pg-query";
export { ensureDatabase, databaseName, withDatabase } from "./database";
export { migrateDeploy, migrationStatus, localMigrations, type MigrationStatus } from "./migrations";
export { schemaMatchesLatestMigration, normalizeSchema } from "./schema-snapshots";
export * from "./generated/prisma/client";
export { prepareDatabase } from "./prepare-database";
