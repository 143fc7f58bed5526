import { createProspect } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

const api = useTestApi("tokens");
const admin = useUser(api);

async function newToken(scopes: string[], user = admin) {
  const res = await api.app.inject({
    method: "POST",
    url: "/api/tokens",
    headers: user.headers,
    payload: { name: `CRM ${scopes.join("+")}`, scopes },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string; prefix: string; scopes: string[] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API tokens", () => {
  it("shows a new token once, stores only its hash and lists it without the secret", async () => {
    const created = await newToken(["read"]);
    expect(created.token).toMatch(/^gwt_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const row = await api.deps.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.token);
    const list = await api.app.inject({ method: "GET", url: "/api/tokens", headers: admin.headers });
    const listed = list.json().items.find((t: { id: string }) => t.id === created.id);
    expect(listed).toMatchObject({ prefix: created.prefix, scopes: ["read"], lastUsedAt: null, revokedAt: null });
    expect(list.body).not.toContain(created.token);
  });

  it("lets a read token read without session or CSRF, records its use, and refuses its writes", async () => {
    const { id, token } = await newToken(["read"]);
    const read = await api.app.inject({ method: "GET", url: "/api/lists", headers: bearer(token) });
    expect(read.statusCode, read.body).toBe(200);
    const row = await api.deps.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
    const write = await api.app.inject({
      method: "POST",
      url: "/api/lists",
      headers: bearer(token),
      payload: { name: "From CRM" },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().message).toContain('"write" scope');
  });

  it("lets a write token change data with no CSRF token, in its own account only", async () => {
    const { token } = await newToken(["read", "write"]);
    const created = await api.app.inject({
      method: "POST",
      url: "/api/lists",
      headers: bearer(token),
      payload: { name: "Warm leads" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await api.deps.db.list.findUniqueOrThrow({ where: { id: created.json().id } });
    expect(list.accountId).toBe(admin.accountId);
    const other = await createUserAndLogin(api);
    const foreign = await createProspect(api.deps.db, { accountId: other.accountId });
    const peek = await api.app.inject({ method: "GET", url: `/api/prospects/${foreign.id}`, headers: bearer(token) });
    expect(peek.statusCode).toBe(404);
  });

  it("refuses a write token on admin-only routes, token management, sessions and the queue dashboard", async () => {
    const { token } = await newToken(["read", "write"]);
    const attempts = [
      { method: "POST" as const, url: "/api/tokens", payload: { name: "escalate", scopes: ["write"] } },
      { method: "GET" as const, url: "/api/tokens" },
      { method: "POST" as const, url: "/api/connectors", payload: { name: "x", connectorUserEmail: "a@example.com" } },
      { method: "GET" as const, url: "/api/auth/me" },
      { method: "GET" as const, url: "/api/ops/queues" },
    ];
    for (const attempt of attempts) {
      const res = await api.app.inject({ ...attempt, headers: bearer(token) });
      expect(res.statusCode, `${attempt.method} ${attempt.url}: ${res.body}`).toBe(403);
    }
    const board = await api.app.inject({ method: "GET", url: "/admin/queues/api/queues", headers: bearer(token) });
    expect(board.statusCode).toBe(401);
  });

  it("stops a revoked token at once and rejects unknown ones with 401", async () => {
    const { id, token } = await newToken(["read"]);
    const revoke = await api.app.inject({ method: "DELETE", url: `/api/tokens/${id}`, headers: admin.headers });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    for (const value of [token, "gwt_nonsense", ""]) {
      const res = await api.app.inject({
        method: "GET",
        url: "/api/lists",
        headers: { authorization: `Bearer ${value}` },
      });
      expect(res.statusCode).toBe(401);
    }
  });

  it("lets only admins create tokens", async () => {
    const marketer = await createUserAndLogin(api, { accountId: admin.accountId, role: "MARKETER" });
    const res = await api.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: marketer.headers,
      payload: { name: "mine", scopes: ["read"] },
    });
    expect(res.statusCode).toBe(403);
  });

  it("documents for every /api route which token scope it accepts", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/docs/json" })).json() as {
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
      components: { securitySchemes: Record<string, { scheme?: string }> };
    };
    expect(doc.components.securitySchemes.apiToken?.scheme).toBe("bearer");
    const security = (path: string, method: string) => doc.paths[path]?.[method]?.security;
    expect(security("/api/lists", "get")).toEqual([{ session: [] }, { apiToken: ["read"] }]);
    expect(security("/api/lists", "post")).toEqual([{ session: [] }, { apiToken: ["write"] }]);
    expect(security("/api/participation", "get")).toEqual([{ session: [] }, { apiToken: ["read"] }]);
    expect(security("/api/tokens", "post")).toEqual([{ session: [] }]);
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith("/api/") || path === "/api/auth/login") continue;
      for (const [method, operation] of Object.entries(operations))
        expect(operation.security, `${method} ${path}`).toBeDefined();
    }
  });
});
