import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localMigrations } from "@gw/db";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const migrationsDir = path.join(repoRoot, "prisma/migrations");

/** Every template of this checkout starts with this: checkouts side by side (git worktrees, CI
 * clones) on one Postgres keep templates of their own and never drop each other's. */
export function checkoutTemplatePrefix(): string {
  return `gw_test_tpl_${createHash("sha256").update(repoRoot).digest("hex").slice(0, 6)}_`;
}

/** Named after the checkout and the migrations' content, so a changed migration gets a fresh template. */
export function templateDatabaseName(): string {
  const hash = createHash("sha256");
  for (const name of localMigrations())
    hash.update(name).update(readFileSync(path.join(migrationsDir, name, "migration.sql")));
  return `${checkoutTemplatePrefix()}${hash.digest("hex").slice(0, 12)}`;
}

/** Another checkout's template unused for this long is taken to belong to a clone that is gone. */
export const FOREIGN_TEMPLATE_MAX_AGE_HOURS = 12;

/** Serialises template creation and copies: Postgres refuses to copy a template in use. */
export const TEMPLATE_LOCK = 47_110_815;

/** The databases one vitest run makes start with this; it drops them all at its end. */
export function runDatabasePrefix(run: string): string {
  return `gw_test_${run}_`;
}
