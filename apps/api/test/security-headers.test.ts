import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAndLogin, type LoggedInUser } from "./auth-helpers";
import { createTestApi, type TestApi } from "./helpers";

let api: TestApi;
let operator: LoggedInUser;
let dist: string;
beforeAll(async () => {
  // A stand-in for the built UI: the headers are the server's, whatever the bundle holds.
  dist = mkdtempSync(path.join(tmpdir(), "gw-web-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>UI</title>");
  api = await createTestApi("security_headers", {}, { webDistDir: dist });
  operator = await createUserAndLogin(api, { operator: true }); // operators alone open /admin/queues
});
afterAll(async () => {
  await api?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: "GET", url, headers });
const csp = (res: { headers: Record<string, unknown> }) => String(res.headers["content-security-policy"] ?? "");

describe("security headers", () => {
  it("marks every /api answer no-store and nosniff: success, error, unknown path", async () => {
    for (const [url, status] of [
      ["/api/auth/me", 200],
      ["/api/lists/not-a-uuid", 400],
      ["/api/nope", 404],
      ["/%61pi/auth/me", 200],
    ] as const) {
      const res = await get(url, { cookie: operator.headers.cookie });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers["cache-control"], url).toBe("no-store");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
    }
    const anonymous = await get("/api/auth/me");
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["cache-control"]).toBe("no-store");
  });

  it("forbids framing the UI, /docs and /admin/queues (CSP frame-ancestors 'none' and X-Frame-Options)", async () => {
    for (const url of ["/login", "/connectors", "/docs/", "/admin/queues"]) {
      const res = await get(url, { cookie: operator.headers.cookie, accept: "text/html" });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
      expect(csp(res), url).toContain("frame-ancestors 'none'");
      expect(csp(res), url).toContain("script-src 'self'");
      expect(csp(res), url).not.toContain("'unsafe-eval'");
      expect(res.headers["x-frame-options"], url).toBe("DENY");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
    }
  });

  it("serves the queue dashboard's page without fonts from the internet", async () => {
    const res = await get("/admin/queues", { cookie: operator.headers.cookie, accept: "text/html" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)[^"']+/);
    // Nor may its policy let another origin's styles or fonts in.
    expect(csp(res)).not.toMatch(/fonts\.googleapis\.com|fonts\.gstatic\.com|https:/);
    expect(csp(res)).toContain("font-src 'self' data:");
  });

  it("lets any site embed a hosted form (its own CSP, no frame guard)", async () => {
    const res = await get(`/f/${randomUUID()}`, { accept: "text/html" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.headers["x-frame-options"]).toBeUndefined();
    // Its one script (the visitor's local time beside the webinar's) is allowed by its hash only.
    expect(csp(res)).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none'$/,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("sends no HSTS over plain http", async () => {
    expect((await get("/healthz")).headers["strict-transport-security"]).toBeUndefined();
  });

  it("sends HSTS when PUBLIC_URL is https", async () => {
    const secure = await createTestApi("security_headers_https", { PUBLIC_URL: "https://sync.example.com" });
    try {
      for (const url of ["/healthz", "/api/auth/me", "/docs/"]) {
        const res = await secure.app.inject({ method: "GET", url });
        expect(res.headers["strict-transport-security"], url).toMatch(/^max-age=31536000/);
      }
    } finally {
      await secure.close();
    }
  });
});
