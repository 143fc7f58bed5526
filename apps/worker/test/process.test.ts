import { DEV_SECRETS } from "@gw/config";
import { createTestDatabase, createTestRedis, spawnEntry, type TestDatabase, type TestRedis } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let database: TestDatabase;
let redis: TestRedis;
beforeAll(async () => {
  database = await createTestDatabase("workerproc");
  redis = await createTestRedis("workerproc");
});
afterAll(async () => {
  await redis?.cleanup();
  await database?.drop();
});

describe("the worker process", () => {
  it("starts, runs the dispatcher, and shuts down gracefully on SIGTERM", async () => {
    const proc = spawnEntry("apps/worker/src/main.ts", {
      DATABASE_URL: database.url,
      REDIS_PREFIX: redis.prefix,
      MIGRATE_ON_START: "false",
      DISPATCH_EVERY_MS: "1000",
    });
    try {
      await proc.waitForOutput(/worker started/);
      proc.child.kill("SIGTERM");
      const code = await proc.waitForExit();
      expect(code, proc.output()).toBe(0);
      expect(proc.output()).toMatch(/shut down cleanly/);
    } finally {
      proc.kill();
    }
  });

  it("refuses to start in production with the built-in development secrets", async () => {
    const proc = spawnEntry("apps/worker/src/main.ts", {
      NODE_ENV: "production",
      ...DEV_SECRETS,
      DATABASE_URL: database.url,
      REDIS_PREFIX: redis.prefix,
      MIGRATE_ON_START: "false",
    });
    expect(await proc.waitForExit()).toBe(1);
    expect(proc.output()).toMatch(
      /Refusing to start with NODE_ENV=production and the built-in development SECRET_KEYS/,
    );
  });

  it("refuses to start against a database without migrations, saying what to run", async () => {
    const empty = database.url.replace(/\/[^/]*$/, `/gw_test_nomigr_${process.pid}`);
    const proc = spawnEntry("apps/worker/src/main.ts", {
      DATABASE_URL: empty,
      REDIS_PREFIX: redis.prefix,
      MIGRATE_ON_START: "false",
    });
    try {
      expect(await proc.waitForExit()).toBe(1);
      expect(proc.output()).toMatch(/missing migrations .*npm run db:migrate/);
    } finally {
      const { withDatabase } = await import("@gw/db");
      await withDatabase(database.url, (c) =>
        c.query(`DROP DATABASE IF EXISTS "gw_test_nomigr_${process.pid}" WITH (FORCE)`),
      );
    }
  });
});
