import { createLogger } from "@gw/logger";
import { testConfig } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { createApiDeps } from "../src/deps";
import { useTestApi } from "./helpers";

const api = useTestApi("health");

/** An API whose Postgres or Redis points at a port where nothing listens. */
async function apiWith(overrides: { databaseUrl?: string; redisUrl?: string }) {
  const config = testConfig({
    databaseUrl: overrides.databaseUrl ?? api.database.url,
    redisUrl: overrides.redisUrl ?? api.redis.url,
    redisPrefix: api.redis.prefix,
  });
  const deps = createApiDeps(config, createLogger({ name: "t", level: "silent", pretty: false }));
  const app = await buildApp(deps);
  return {
    app,
    close: async () => {
      await app.close();
      await deps.close();
    },
  };
}

describe("health", () => {
  it("says the process is up", async () => {
    const res = await api.app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("is ready when Postgres and Redis answer and migrations are applied", async () => {
    const res = await api.app.inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: "ready",
      checks: { postgres: { ok: true }, redis: { ok: true }, migrations: { ok: true } },
    });
  });

  it.each([
    { name: "Redis", down: "redis", up: "postgres", overrides: { redisUrl: "redis://127.0.0.1:1" } },
    {
      name: "Postgres",
      down: "postgres",
      up: "redis",
      overrides: { databaseUrl: "postgresql://postgres@127.0.0.1:1/nothing" },
    },
  ])("goes 503 with a reason when $name is unreachable", async ({ name, down, up, overrides }) => {
    const broken = await apiWith(overrides);
    try {
      const res = await broken.app.inject({ method: "GET", url: "/readyz" });
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.status).toBe("not ready");
      expect(body.checks[up].ok).toBe(true);
      expect(body.checks[down]).toMatchObject({
        ok: false,
        detail: expect.stringMatching(new RegExp(`^${name} unreachable`)),
      });
    } finally {
      await broken.close();
    }
  });

  it("keeps a sane request id from the caller", async () => {
    const res = await api.app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "abc-123" } });
    expect(res.headers["x-request-id"]).toBe("abc-123");
  });

  it("answers unknown routes with the common error body", async () => {
    const res = await api.app.inject({ method: "GET", url: "/api/nope", headers: { "x-request-id": "r1" } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      error: "Not Found",
      message: "No route for GET /api/nope",
      reqId: "r1",
    });
  });

  it("serves the OpenAPI document", async () => {
    const res = await api.app.inject({ method: "GET", url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths).toHaveProperty("/readyz");
  });
});

describe("the OpenAPI document", () => {
  it("resolves every $ref it contains", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/docs/json" })).json();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of new Set(refs))
      expect(doc.components?.schemas ?? {}, `missing component ${ref}`).toHaveProperty(ref);
  });
});
