import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { localMigrations, migrationsDir } from "./migrations";

/** Each migration folder keeps a copy of the schema it was made from, to diff the next one against. */
export const SNAPSHOT_FILE = "schema.snapshot.prisma";
export const schemaPath = path.join(migrationsDir, "..", "schema.prisma");

export function latestSnapshot(): string | undefined {
  const last = localMigrations().at(-1);
  const file = last ? path.join(migrationsDir, last, SNAPSHOT_FILE) : undefined;
  return file && existsSync(file) ? file : undefined;
}

/** The schema without comments and blank lines: comments never need a migration. */
export function normalizeSchema(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trimEnd())
    .filter((line) => line.trim() !== "")
    .join("\n");
}

export function schemaMatchesLatestMigration(): boolean {
  const snapshot = latestSnapshot();
  if (!snapshot) return false;
  return normalizeSchema(readFileSync(snapshot, "utf8")) === normalizeSchema(readFileSync(schemaPath, "utf8"));
}
