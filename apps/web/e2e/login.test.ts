import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn, type Stack, screenshot, startStack } from "./harness";

describe("logging in", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack("e2elogin");
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("refuses a wrong password with the API's message, then logs in, shows the dashboard and logs out", async () => {
    const page = await stack.newPage();
    await page.goto("/reports/webinars?tab=finished");
    // Not logged in: the login page, remembering where the user was going.
    await page.waitForURL(/\/login\?next=/);

    await page.getByLabel("E-mail").fill(stack.admin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/Could not log in/);

    await page.getByLabel("Password").fill(stack.admin.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/reports\/webinars\?tab=finished$/);
    await page.getByRole("heading", { level: 1, name: "Webinars" }).waitFor();
    expect(await page.getByRole("tab", { name: "Finished" }).getAttribute("aria-selected")).toBe("true");

    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: /Welcome back, Ada/ }).waitFor();
    await page.getByRole("heading", { name: "Connect your GoTo Webinar account" }).waitFor();
    await screenshot(page, "login-dashboard");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login$/);
    // The session is really gone: the API refuses it.
    const me = await page.evaluate(async () => (await fetch("/api/auth/me")).status);
    expect(me).toBe(401);
  });

  it("keeps operators' queue dashboard behind the admin login", async () => {
    const page = await stack.newPage();
    await page.goto("/admin/queues");
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fqueues/);
    await page.getByLabel("E-mail").fill(stack.admin.email);
    await page.getByLabel("Password").fill(stack.admin.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/admin\/queues/);
    await page.getByText("registrations", { exact: false }).first().waitFor();
    await screenshot(page, "login-queue-dashboard");
  });

  it("answers unknown API paths with JSON 404 and client routes with the app", async () => {
    const api = await fetch(`${stack.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { message: string }).message).toMatch(/No route for GET \/api\/nothing-here/);

    const deepLink = await fetch(`${stack.url}/prospects/some-id`);
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get("content-type")).toMatch(/text\/html/);
    expect(await deepLink.text()).toContain('<div id="root">');

    const missingAsset = await fetch(`${stack.url}/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
  });

  it("serves the bundle compressed and without source maps", async () => {
    const html = await (await fetch(`${stack.url}/`)).text();
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const { request } = await import("node:http");
    const answer = await new Promise<{ encoding?: string; length: number; body: Buffer }>((resolve, reject) => {
      const req = request(`${stack.url}${script}`, { headers: { "accept-encoding": "br, gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ encoding: res.headers["content-encoding"], length: body.length, body });
        });
      });
      req.on("error", reject);
      req.end();
    });
    expect(answer.encoding).toMatch(/^(br|gzip)$/);
    const plain = await (await fetch(`${stack.url}${script}`, { headers: { "accept-encoding": "identity" } })).text();
    expect(answer.length).toBeLessThan(plain.length / 2);
    expect(plain).not.toContain("sourceMappingURL");
    expect((await fetch(`${stack.url}${script}.map`)).status).toBe(404);
  });

  it("logs in through the helper for the other tests", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    expect(page.url()).toBe(`${stack.url}/`);
    await screenshot(page, "login-helper");
  });
});
