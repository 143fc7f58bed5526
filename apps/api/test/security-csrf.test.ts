import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../src/plugins/csrf";
import type { RouteEntry } from "../src/plugins/route-table";
import { createUserAndLogin, type LoggedInUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

// The routes any site may post to, and the one that takes JSON from our own origin only. Adding a
// route to either list is a security decision: it belongs in review, not in passing.
const OPEN_ROUTES = ["POST /f/:formId", "POST /webhooks/goto/:connectorId"];
const SAME_ORIGIN_ROUTES = ["POST /api/auth/login"];

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MISSING = /Missing x-csrf-token header/;

let user: LoggedInUser;
let unsafe: RouteEntry[];
const api = useTestApi("security_csrf");
beforeAll(async () => {
  // An operator: the queue dashboard's routes then reach bull-board once past the check.
  user = await createUserAndLogin(api, { operator: true });
  unsafe = api.app.routeTable.filter((route) => UNSAFE.has(route.method));
});

const name = (route: RouteEntry) => `${route.method} ${route.url}`;
/** A concrete URL for a route pattern: every parameter a fresh uuid (nothing exists there). */
const concrete = (url: string) => url.replace(/:[A-Za-z0-9_]+/g, () => randomUUID()).replace(/\*$/, "x");
/** The same path with its first letter percent-encoded (`/%61pi/lists`): Fastify matches it all the same. */
const encoded = (url: string) => url.replace(/^\/([a-z])/, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`);

const send = (method: string, url: string, headers: Record<string, string>) =>
  api.app.inject({
    method: method as "POST",
    url,
    headers: { "content-type": "application/json", ...headers },
    payload: "{}",
  });

describe("CSRF on every route, decided on the matched route", () => {
  it("knows the routes: the app's route table has the unsafe routes of every area", () => {
    const names = unsafe.map(name);
    expect(names).toEqual(
      expect.arrayContaining(["POST /api/lists", "PUT /api/scoring-rules", "POST /api/auth/logout"]),
    );
    expect(names.some((n) => n.startsWith("PUT /admin/queues/"))).toBe(true);
  });

  it("opts out exactly the intended routes", () => {
    expect(
      unsafe
        .filter((r) => r.config.csrf === false)
        .map(name)
        .sort(),
    ).toEqual([...OPEN_ROUTES].sort());
    expect(
      unsafe
        .filter((r) => r.config.csrf === "same-origin")
        .map(name)
        .sort(),
    ).toEqual([...SAME_ORIGIN_ROUTES].sort());
    expect(unsafe.filter((r) => ![true, false, "same-origin", undefined].includes(r.config.csrf))).toEqual([]);
  });

  it("refuses every other unsafe route with a session but without the token, however its path is spelled", async () => {
    // Logout last: were it not refused, the session would be gone for the routes after it.
    const checked = unsafe
      .filter((r) => r.config.csrf === undefined || r.config.csrf === true)
      .sort((a, b) => Number(a.url === "/api/auth/logout") - Number(b.url === "/api/auth/logout"));
    expect(checked.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of checked) {
      const url = concrete(route.url);
      for (const spelling of [url, encoded(url)]) {
        const res = await send(route.method, spelling, { cookie: user.headers.cookie });
        if (res.statusCode !== 403 || !MISSING.test(res.json().message))
          failures.push(`${route.method} ${spelling} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      const wrong = await send(route.method, url, { cookie: user.headers.cookie, [CSRF_HEADER]: "forged" });
      if (wrong.statusCode !== 403) failures.push(`${route.method} ${url} with a forged token -> ${wrong.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it("lets the same requests past the check with the session's token", async () => {
    const checked = unsafe.filter(
      (r) => (r.config.csrf === undefined || r.config.csrf === true) && r.url !== "/api/auth/logout",
    );
    const failures: string[] = [];
    for (const route of checked) {
      const res = await send(route.method, encoded(concrete(route.url)), user.headers);
      if (res.statusCode === 403 && /x-csrf-token/.test(res.body)) failures.push(name(route));
      if (res.statusCode >= 500) failures.push(`${name(route)} -> ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers an unknown route 404 whatever its method, with or without a session", async () => {
    for (const url of ["/api/nope", "/%61pi/nope", "/admin/nope"]) {
      const res = await send("POST", url, { cookie: user.headers.cookie });
      expect(res.statusCode).toBe(404);
    }
  });

  it("refuses a form-encoded post without a session on a checked route (no JSON, no way in)", async () => {
    const res = await api.app.inject({
      method: "POST",
      url: "/%61pi/lists",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "name=x",
    });
    expect(res.statusCode).toBe(415);
  });
});

describe("login CSRF", () => {
  const login = (
    headers: Record<string, string>,
    payload = JSON.stringify({ email: user.email, password: user.password }),
  ) => api.app.inject({ method: "POST", url: "/api/auth/login", headers, payload });

  it("refuses a login from another site, by Origin or Sec-Fetch-Site", async () => {
    for (const headers of <Record<string, string>[]>[
      { "content-type": "application/json", origin: "https://evil.example" },
      { "content-type": "application/json", origin: "null" },
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      { "content-type": "application/json", "sec-fetch-site": "same-site" },
    ]) {
      const res = await login(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().message).toMatch(/Cross-site request refused/);
      expect(res.cookies.find((c) => c.name === "gw_session")).toBeUndefined();
    }
  });

  it("refuses what an HTML form can send: urlencoded, multipart, text/plain", async () => {
    const body = `email=${encodeURIComponent(user.email)}&password=${user.password}`;
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"]) {
      const res = await login({ "content-type": type }, body);
      expect(res.statusCode, type).toBe(415);
      expect(res.cookies.find((c) => c.name === "gw_session")).toBeUndefined();
    }
  });

  it("accepts JSON from its own origin (PUBLIC_URL or the Host addressed) and from non-browser clients", async () => {
    const own = new URL(api.config.http.publicUrl).origin;
    for (const headers of <Record<string, string>[]>[
      { "content-type": "application/json", origin: own, "sec-fetch-site": "same-origin" },
      { "content-type": "application/json", origin: "http://sync.internal:8080", host: "sync.internal:8080" },
      { "content-type": "application/json; charset=utf-8" },
    ]) {
      const res = await login(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });
});
