import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FormsEnv, formBody, startFormsEnv, URLENCODED } from "./forms-harness";

// Issue 19: a NUL byte or an unpaired surrogate in any string gave a 500 (Postgres refuses them).
// Every boundary now refuses them with a 400 naming the field, and stores nothing.
let env: FormsEnv;
let formId: string;
beforeAll(async () => {
  env = await startFormsEnv("safetext", { env: { FORM_REGISTRATION_WAIT_MS: "0" } });
  const res = await env.api.app.inject({
    method: "POST",
    url: "/api/forms",
    headers: env.user.headers,
    payload: { name: "Plain", fields: [{ name: "email" }, { name: "firstName" }] },
  });
  formId = res.json().id;
});
afterAll(async () => env?.close());

const NUL = "a\u0000b";
const LONE = "x\uD800y";

describe("strings that cannot be stored", () => {
  it("are a 400 naming the field in admin API bodies, at any depth, and nothing is stored", async () => {
    for (const [url, payload, field] of [
      ["/api/lists", { name: NUL }, "body.name"],
      ["/api/tags", { name: LONE }, "body.name"],
      ["/api/campaigns", { name: NUL }, "body.name"],
      ["/api/forms", { name: "ok", thankYouMessage: LONE, fields: [{ name: "email" }] }, "body.thankYouMessage"],
      ["/api/forms", { name: "ok", fields: [{ name: "email", label: NUL }] }, "body.fields.0.label"],
    ] as const) {
      const res = await env.api.app.inject({ method: "POST", url, headers: env.user.headers, payload });
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().fields).toEqual([{ field, message: expect.stringMatching(/must not contain (NUL|unpaired)/) }]);
    }
    expect(await env.api.deps.db.list.count({ where: { accountId: env.user.accountId } })).toBe(0);
    expect(await env.api.deps.db.tag.count({ where: { accountId: env.user.accountId } })).toBe(0);
    expect(await env.api.deps.db.form.count({ where: { accountId: env.user.accountId } })).toBe(1);
  });

  it("are a 400 in query strings and path parameters", async () => {
    const query = await env.api.app.inject({ method: "GET", url: "/api/prospects?q=a%00b", headers: env.user.headers });
    expect(query.statusCode).toBe(400);
    expect(query.json().fields).toEqual([{ field: "query.q", message: expect.stringMatching(/NUL/) }]);
    const params = await env.api.app.inject({ method: "GET", url: "/api/forms/a%00b", headers: env.user.headers });
    expect(params.statusCode).toBe(400);
  });

  it("are a 400 on the hosted form (HTML and JSON), where the jsonb cast used to fail", async () => {
    const json = await env.api.app.inject({
      method: "POST",
      url: `/f/${formId}`,
      headers: { accept: "application/json", "content-type": "application/json" },
      payload: { email: "lone@example.com", firstName: LONE },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().message).toMatch(/body.firstName must not contain unpaired UTF-16 surrogates/);
    const html = await env.api.app.inject({
      method: "POST",
      url: `/f/${formId}`,
      headers: { ...URLENCODED, accept: "text/html" },
      payload: `${formBody({ email: "nul@example.com" })}&firstName=a%00b`,
    });
    expect(html.statusCode).toBe(400);
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    expect(await env.api.deps.db.formSubmission.count({ where: { formId } })).toBe(0);
  });
});
