// `npm run db:migration -- <name>`: writes the next migration as the SQL difference between the
// schema the previous migration was made from (its snapshot) and prisma/schema.prisma.
// `prisma migrate dev` cannot run without the native engine (docs/database.md); `migrate diff` can.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "@gw/config";
import { migrationsDir } from "../migrations";
import { latestSnapshot, SNAPSHOT_FILE, schemaPath } from "../schema-snapshots";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}
const previous = latestSnapshot();
const maintenanceUrl = new URL(loadConfig().databaseUrl);
maintenanceUrl.pathname = "/postgres";
const from = previous ? ["--from-schema-datamodel", previous] : ["--from-empty"];
const sql = execFileSync(
  path.join(migrationsDir, "../../node_modules/.bin/prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
  {
    cwd: path.join(migrationsDir, "../.."),
    env: { ...process.env, DATABASE_URL: maintenanceUrl.toString() },
    encoding: "utf8",
  },
);
if (!sql.split("\n").some((line) => line.trim() && !line.startsWith("--"))) {
  console.log("prisma/schema.prisma has no changes that need a migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(schemaPath, path.join(dir, SNAPSHOT_FILE));
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then npm run db:migrate`);
