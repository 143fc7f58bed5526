// Prisma's CLI would download native engines; this project runs with none (offline installs).
// Pointing the engine paths at harmless files keeps every command offline (see docs/database.md).
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/dev/null";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { PrismaPg } from "pg-migrate-adapter";
import { defineConfig } from "prisma/config";

/**
 * Splits a migration script at the semicolons that end statements: not inside quotes or
 * dollar-quoted bodies (trigger functions), which the adapter's own split at every ";" breaks.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < script.length) {
    const char = script[i];
    if (char === "'" || char === '"') {
      const end = script.indexOf(char, i + 1);
      i = end < 0 ? script.length : end + 1;
    } else if (char === "-" && script[i + 1] === "-") {
      const end = script.indexOf("\n", i);
      i = end < 0 ? script.length : end + 1;
    } else if (char === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end < 0 ? script.length : end + tag.length;
      } else i++;
    } else if (char === ";") {
      statements.push(script.slice(start, i));
      start = ++i;
    } else i++;
  }
  statements.push(script.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, "").trim().length > 0);
}

/** The 7.x adapter (npm alias) reads the catalog columns the schema engine queries; 6.19's cannot. */
class MigrationPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const driver = adapter.underlyingDriver() as { query(sql: string): Promise<unknown> };
    adapter.executeScript = async (script: string) => {
      for (const statement of splitSqlScript(script)) {
        try {
          await driver.query(statement);
        } catch (error) {
          (adapter as unknown as { onError(error: unknown): never }).onError(error);
        }
      }
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new MigrationPg({
      connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/webinar_sync",
    });
  },
});
