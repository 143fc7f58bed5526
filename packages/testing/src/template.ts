import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { localMigrations } from "@gw/db";
import { fileURLToPath } from "node:url";

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../prisma/migrations");

/** Named after the migrations' content, so a changed migration gets a fresh template. */
export function templateDatabaseName(): string {
  const hash = createHash("sha256");
  for (const name of localMigrations()) hash.update(name).update(readFileSync(path.join(migrationsDir, name, "migration.sql")));
  return `gw_test_tpl_${hash.digest("hex").slice(0, 12)}`;
}

/** Serialises template creation and copies: Postgres refuses to copy a template in use. */
export const TEMPLATE_LOCK = 47_110_815;
