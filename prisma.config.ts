// Prisma's CLI would download native engines; these machines reach only the npm registry.
// Pointing the engine paths at harmless files keeps every command offline (see PRISMA.md).
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/dev/null";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { PrismaPg } from "pg-migrate-adapter";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // The 7.x adapter (npm alias) reads the catalog columns the schema engine queries; 6.19's cannot.
  async adapter() {
    return new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/webinar_sync",
    });
  },
});
