import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseName, withDatabase } from "./database";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const migrationsDir = path.join(repoRoot, "prisma", "migrations");

/** Applies pending migrations with Prisma's own `migrate deploy` (docs/database.md). */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  const prisma = path.join(repoRoot, "node_modules", ".bin", "prisma");
  if (!existsSync(prisma)) throw new Error(`Prisma CLI not found at ${prisma}: run npm install first`);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(prisma, ["migrate", "deploy"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) {
    throw new Error(
      `prisma migrate deploy failed for database "${databaseName(databaseUrl)}":\n${output.join("").trim()}`,
    );
  }
}

export function localMigrations(): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
}

/** Which of the repository's migrations the database has applied (for /readyz and start-up). */
export async function migrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  const local = localMigrations();
  const rows = await withDatabase(
    databaseUrl,
    async (client) => {
      const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS t");
      if (!table.rows[0]?.t) return [];
      const result = await client.query<{
        migration_name: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations");
      return result.rows;
    },
    databaseName(databaseUrl),
  );
  const applied = rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  return { applied, failed, pending: local.filter((name) => !applied.includes(name)) };
}
