import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createUser } from "@gw/domain/auth";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useStack } from "./harness";

describe("logging in", () => {
  const stack = useStack("e2elogin");

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

  it("keeps the queue dashboard for operators: a tenant's admin has no link and gets 403", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/sync");
    await page.getByRole("heading", { level: 1, name: "Sync activity" }).waitFor();
    await page.getByRole("heading", { name: "Queue health" }).waitFor();
    expect(await page.getByRole("link", { name: /Queue dashboard/ }).count()).toBe(0);
    const answer = await page.goto("/admin/queues");
    expect(answer?.status()).toBe(403);
  });

  it("lets an operator in through the login page and act in the dashboard (its changes carry the CSRF token)", async () => {
    const operator = { email: "olga-operator@example.com", password: "correct-horse-battery" };
    await createUser({ db: stack.db, accountId: stack.admin.accountId, ...operator, name: "Olga", operator: true });
    const page = await stack.newPage();
    await page.goto("/admin/queues");
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fqueues/);
    await page.getByLabel("E-mail").fill(operator.email);
    await page.getByLabel("Password").fill(operator.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/admin\/queues/);
    await page.getByText("registrations", { exact: false }).first().waitFor();
    await screenshot(page, "login-queue-dashboard");

    // bull-board's own client pauses a queue: refused without the token, so this proves it sends it.
    await page.goto("/admin/queues/queue/sync");
    await page.getByText("No latest jobs in this queue.").waitFor();
    await page.locator("main button, button").last().click(); // the queue's "⋮" actions menu
    await page.getByRole("menuitem", { name: "Pause", exact: true }).click();
    const paused = page.waitForResponse((r) => r.url().endsWith("/admin/queues/api/queues/sync/pause"));
    await page.getByRole("button", { name: "Confirm" }).click();
    expect((await paused).status()).toBe(200);
    await expect.poll(() => stack.apiDeps.queues.sync.isPaused()).toBe(true);
    await stack.apiDeps.queues.sync.resume();

    await page.goto("/sync");
    await page.getByRole("link", { name: /Queue dashboard/ }).waitFor();
  });

  it("refuses a login posted by another site's form (login CSRF): no session in the victim's browser", async () => {
    // The attacker's page, on another site (localhost is not 127.0.0.1), posts the attacker's
    // credentials as the classic JSON-in-text/plain form and as an ordinary urlencoded one.
    const attacker = { email: stack.admin.email, password: stack.admin.password };
    const json = JSON.stringify(attacker).slice(0, -1);
    const evil = createServer((req, res) => {
      const enctype = req.url === "/plain" ? "text/plain" : "application/x-www-form-urlencoded";
      const fields =
        req.url === "/plain"
          ? `<input name='${json},"x":"' value='"}'>`
          : `<input name="email" value="${attacker.email}"><input name="password" value="${attacker.password}">`;
      res.setHeader("content-type", "text/html");
      res.end(
        `<!doctype html><form id="f" method="POST" enctype="${enctype}" action="${stack.url}/api/auth/login">${fields}</form><script>document.getElementById("f").submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    const evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}`;
    try {
      const page = await stack.newPage();
      for (const path of ["/plain", "/form"]) {
        const posted = page.waitForResponse((r) => r.url() === `${stack.url}/api/auth/login`);
        await page.goto(`${evilUrl}${path}`);
        const answer = await posted;
        expect(answer.status(), path).toBe(403);
        expect((await answer.json()).message).toMatch(/Cross-site request refused/);
      }
      const cookies = await page.context().cookies(stack.url);
      expect(cookies.find((c) => c.name === "gw_session")).toBeUndefined();
      await page.goto("/");
      expect(await page.evaluate(async () => (await fetch("/api/auth/me")).status)).toBe(401);
    } finally {
      await new Promise((resolve) => evil.close(resolve));
    }
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
