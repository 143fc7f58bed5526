import { freePort, spawnEntry, useTestDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";

const database = useTestDatabase("apiproc");

/** The API as a process of its own on a free port, over the file's database and a prefix of its own. */
async function startApi(env: Record<string, string>) {
  const port = await freePort();
  const proc = spawnEntry("apps/api/src/main.ts", {
    DATABASE_URL: database.url,
    PORT: String(port),
    REDIS_PREFIX: `gwtest-apiproc-${port}`,
    MIGRATE_ON_START: "false",
    ...env,
  });
  return { port, proc };
}

// Each test starts the API as a Node process through tsx: 20 s and more at load 30.
describe("the api process", { timeout: 120_000 }, () => {
  it("refuses to start with a message naming each bad setting", async () => {
    const proc = spawnEntry("apps/api/src/main.ts", { DATABASE_URL: "nope", PORT: "x" });
    expect(await proc.waitForExit()).toBe(1);
    expect(proc.output()).toMatch(/DATABASE_URL/);
    expect(proc.output()).toMatch(/PORT/);
  });

  it("refuses to listen beyond loopback with the built-in development secrets", async () => {
    const { proc } = await startApi({ HOST: "0.0.0.0" });
    expect(await proc.waitForExit()).toBe(1);
    expect(proc.output()).toMatch(/Refusing to listen on 0\.0\.0\.0 with the built-in development SECRET_KEYS/);
  });

  it("listens beyond loopback with the development secrets when ALLOW_DEV_SECRETS=true", async () => {
    const { port, proc } = await startApi({ HOST: "0.0.0.0", ALLOW_DEV_SECRETS: "true" });
    try {
      await proc.waitForOutput(/api listening/);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      proc.kill();
    }
  });

  it("serves, then shuts down gracefully on SIGTERM", async () => {
    const { port, proc } = await startApi({ HOST: "127.0.0.1" });
    try {
      await proc.waitForOutput(/api listening/);
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(res.status).toBe(200);
      proc.child.kill("SIGTERM");
      expect(await proc.waitForExit()).toBe(0);
      expect(proc.output()).toMatch(/shut down cleanly/);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      proc.kill();
    }
  });
});
