import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAndLogin } from "./auth-helpers";
import { type FormsEnv, formBody, startFormsEnv, submitFormJson, URLENCODED, waitFor } from "./forms-harness";
import { asUser } from "./helpers";

// Branding, embedding, view counts and the forms list's numbers, through the API.
let env: FormsEnv;
beforeAll(async () => {
  env = await startFormsEnv("formbrand", { env: { FORM_RATE_LIMIT_PER_MINUTE: "10000" } });
});
afterAll(async () => {
  await env?.close();
});

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

async function createForm(payload: Record<string, unknown> = {}) {
  const res = await asUser(env.api, env.user).post("/api/forms", {
    name: "Newsletter",
    fields: [{ name: "email" }],
    ...payload,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
}

const putBranding = (payload: Record<string, unknown>, headers = env.user.headers) =>
  env.api.app.inject({ method: "PUT", url: "/api/settings/branding", headers, payload });

describe("form branding", () => {
  it("refuses colours text cannot be read on, naming the field and the contrast", async () => {
    const res = await putBranding({ accentColor: "#ffeb3b", backgroundColor: null, footerText: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/#ffeb3b is too light .*contrast 1\.\d:1, needs 4\.5:1/);
    const origins = await putBranding({
      accentColor: null,
      backgroundColor: null,
      footerText: null,
      frameAncestors: ["javascript:alert(1)"],
    });
    expect(origins.statusCode).toBe(400);
    expect(origins.json().message).toMatch(/not a site origin/);
    for (const [origin, why] of [
      ["https://*.com", /whole top-level domain/],
      ["http://www.example.com", /plain http/],
    ] as const) {
      const res = await putBranding({
        accentColor: null,
        backgroundColor: null,
        footerText: null,
        frameAncestors: [origin],
      });
      expect(res.statusCode, origin).toBe(400);
      expect(res.json().message).toMatch(why);
      expect(JSON.stringify(res.json().fields ?? res.json().message)).toContain("frameAncestors.0");
    }
  });

  it("is changed by admins only", async () => {
    const marketer = await createUserAndLogin(env.api, { accountId: env.user.accountId, role: "MARKETER" });
    const res = await putBranding({ accentColor: null, backgroundColor: null, footerText: null }, marketer.headers);
    expect(res.statusCode).toBe(403);
    const read = await asUser(env.api, marketer).get("/api/settings/branding");
    expect(read.statusCode).toBe(200);
  });

  it("checks an uploaded logo's bytes and size, and the hosted page shows it under its CSP", async () => {
    const svg = await asUser(env.api, env.user).put("/api/settings/branding/logo", {
      contentType: "image/png",
      data: Buffer.from("<svg onload=alert(1)>").toString("base64"),
    });
    expect(svg.statusCode).toBe(400);
    expect(svg.json().message).toMatch(/not a PNG, JPEG, GIF or WebP/);
    const big = Buffer.concat([PNG, Buffer.alloc(300 * 1024)]);
    const tooBig = await asUser(env.api, env.user).put("/api/settings/branding/logo", {
      contentType: "image/png",
      data: big.toString("base64"),
    });
    expect(tooBig.statusCode).toBe(400);

    const ok = await asUser(env.api, env.user).put("/api/settings/branding/logo", {
      contentType: "image/png",
      data: PNG.toString("base64"),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().logo).toMatchObject({ kind: "upload", contentType: "image/png" });
    const saved = await putBranding({
      accentColor: "#7b1fa2",
      backgroundColor: "#102a43",
      footerText: "Acme Ltd · 1 Main Street",
      frameAncestors: ["https://www.example.com/landing?x=1", "https://*.example.org"],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().frameAncestors).toEqual(["https://www.example.com", "https://*.example.org"]);

    const formId = await createForm();
    const page = await env.api.app.inject({ method: "GET", url: `/f/${formId}` });
    expect(page.body).toContain("--accent:#7b1fa2");
    expect(page.body).toContain("--page-bg:#102a43;--page-text:#ffffff");
    expect(page.body).toContain('<footer class="brand-footer">Acme Ltd · 1 Main Street</footer>');
    const logo = /<img src="([^"]+)"/.exec(page.body)?.[1];
    expect(logo).toMatch(new RegExp(`^/f/${formId}/logo\\?v=\\d+$`));
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("img-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://www.example.com https://*.example.org");
    const image = await env.api.app.inject({ method: "GET", url: logo! });
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.rawPayload.equals(PNG)).toBe(true);

    // A logo by URL replaces the upload; the page may load images from that origin only.
    await putBranding({
      logoUrl: "https://cdn.example.net/brand/logo.png",
      accentColor: null,
      backgroundColor: null,
      footerText: null,
    });
    await waitFor("the form cache to pick up the new logo", async () => {
      const next = await env.api.app.inject({ method: "GET", url: `/f/${formId}` });
      return String(next.headers["content-security-policy"]).includes("img-src https://cdn.example.net")
        ? next
        : undefined;
    });
  });
});

describe("embedding", () => {
  it("serves an embed script that frames the form and passes the page as referrer", async () => {
    const formId = await createForm({ name: "Embedded" });
    const script = await env.api.app.inject({ method: "GET", url: `/f/${formId}/embed.js` });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(script.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(script.body).toContain(`/f/${formId}`);
    expect(script.body).toContain('searchParams.set("referrer"');

    const page = await env.api.app.inject({
      method: "GET",
      url: `/f/${formId}?referrer=${encodeURIComponent("https://www.example.com/events?utm_source=x")}&utm_source=site`,
    });
    expect(page.body).toContain('name="referrer" value="https://www.example.com/events?utm_source=x"');
    const hidden = Object.fromEntries(
      [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    );
    const post = await env.api.app.inject({
      method: "POST",
      url: `/f/${formId}`,
      headers: URLENCODED,
      payload: formBody({
        ...hidden,
        referrer: "https://www.example.com/events?utm_source=x",
        email: "embed@example.com",
      }),
    });
    expect(post.statusCode).toBe(200);
    const submission = await env.api.deps.db.formSubmission.findFirstOrThrow({ where: { formId } });
    expect(submission.utm).toMatchObject({
      referrer: "https://www.example.com/events?utm_source=x",
      utm_source: "site",
    });
  });
});

describe("the forms list", () => {
  it("counts people's views (not HEAD, prefetches, bots or the preview), submissions, registrations and failures, and names the webinar and list", async () => {
    const webinar = await env.createWebinar({ subject: "Counted webinar" });
    const list = await asUser(env.api, env.user).post("/api/forms", {
      name: "Counted",
      fields: [{ name: "email" }, { name: "firstName", required: true }, { name: "lastName", required: true }],
      completionActions: [
        { type: "REGISTER_WEBINAR", webinarId: webinar.id },
        { type: "ADD_TO_LIST", list: "Made by the form" },
      ],
    });
    expect(list.statusCode).toBe(201);
    const formId = list.json().id as string;
    const made = await env.api.deps.db.list.findFirstOrThrow({ where: { name: "Made by the form" } });
    expect(list.json().completionActions[1]).toEqual({ type: "ADD_TO_LIST", listId: made.id });

    const get = (headers: Record<string, string>, url = `/f/${formId}`) =>
      env.api.app.inject({ method: "GET", url, headers });
    await get({ "user-agent": CHROME });
    await get({ "user-agent": CHROME });
    await env.api.app.inject({ method: "HEAD", url: `/f/${formId}`, headers: { "user-agent": CHROME } });
    await get({ "user-agent": CHROME, "sec-purpose": "prefetch" });
    await get({ "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
    await get({ "user-agent": CHROME }, `/f/${formId}?preview=1`);
    await env.api.deps.formViews.flush();

    const submit = (email: string) => submitFormJson(env, formId, { email, firstName: "Ada", lastName: "Lovelace" });
    expect((await submit("counted-1@example.com")).statusCode).toBe(200);
    expect((await submit("counted-2@example.com")).statusCode).toBe(200);
    const [first] = await env.api.deps.db.registrationRequest.findMany({
      orderBy: { createdAt: "asc" },
      where: { webinarId: webinar.id },
    });
    await env.api.deps.db.registrationRequest.update({ where: { id: first!.id }, data: { status: "FAILED" } });

    const res = await asUser(env.api, env.user).get("/api/forms");
    const row = res.json().forms.find((f: { id: string }) => f.id === formId);
    expect(row.stats).toEqual({ views: 2, submissions: 2, registrations: 0, pending: 1, failures: 1 });
    expect(row.names).toEqual({
      webinars: { [webinar.id]: "Counted webinar" },
      lists: { [made.id]: "Made by the form" },
    });
  });
});
