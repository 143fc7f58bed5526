import { randomUUID } from "node:crypto";
import { createApiToken } from "@gw/domain/api-tokens";
import { afterAll, describe, expect, it } from "vitest";
import type { RouteEntry } from "../src/plugins/route-table";
import { createUserAndLogin } from "./auth-helpers";
import { createTestApi } from "./helpers";

// One test per role per admin-only route, generated from the app's own route table: a route whose
// guard is `requireAdmin` is listed there with `access: "admin"`.
const api = await createTestApi("security_roles");
afterAll(async () => api.close());
const admin = await createUserAndLogin(api);
const marketer = await createUserAndLogin(api, { accountId: admin.accountId, role: "MARKETER" });
const { token } = await createApiToken({
  db: api.deps.db,
  accountId: admin.accountId,
  createdById: admin.userId,
  name: "roles test",
  scopes: ["read", "write"],
});

const adminOnly = api.app.routeTable.filter((r) => r.config.access === "admin" && r.method !== "HEAD");
const name = (route: RouteEntry) => `${route.method} ${route.url}`;
const send = (route: RouteEntry, headers: Record<string, string>) =>
  api.app.inject({
    method: route.method as "POST",
    url: route.url.replace(/:[A-Za-z0-9_]+/g, () => randomUUID()),
    headers,
    ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: {} }),
  });

describe("admin-only routes, from the route table", () => {
  it("lists the documented admin-only routes", () => {
    expect(adminOnly.map(name)).toEqual(
      expect.arrayContaining([
        "PUT /api/scoring-rules",
        "PUT /api/scoring-rules/attendance",
        "POST /api/connectors",
        "DELETE /api/connectors/:id",
        "POST /api/registration-requests/:requestId/retry",
      ]),
    );
  });

  describe.each(adminOnly.map((route) => [name(route), route] as const))("%s", (_, route) => {
    it("refuses a marketer with 403 (before reading the body)", async () => {
      const res = await send(route, marketer.headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("Only an admin of this account may do this.");
    });
    it("refuses an API token with 403", async () => {
      const res = await send(route, { authorization: `Bearer ${token}` });
      expect(res.statusCode).toBe(403);
    });
    it("refuses no session with 401", async () => {
      expect((await send(route, {})).statusCode).toBe(401);
    });
    it("lets an admin through to the route itself", async () => {
      const res = await send(route, admin.headers);
      expect([401, 403]).not.toContain(res.statusCode);
      expect(res.statusCode).toBeLessThan(500);
    });
  });
});
