// Thank-you redirects: an account lists the domains its forms may send people to; a marketer
// may redirect only there (or to this service's own pages), an admin anywhere on https; every
// address that hides its real host is refused for everyone.
import { describe, expect, it } from "vitest";
import { type LoggedInUser, useUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

const api = useTestApi("form_redirects");
const admin = useUser(api, { role: "ADMIN" });
const marketer = useUser(api, () => ({ role: "MARKETER", accountId: admin.accountId }));

const saveForm = (user: LoggedInUser, redirectUrl: string | null, formId?: string) =>
  api.app.inject({
    method: formId ? "PUT" : "POST",
    url: formId ? `/api/forms/${formId}` : "/api/forms",
    headers: user.headers,
    payload: { name: "Newsletter", fields: [{ name: "email" }], redirectUrl },
  });
const setDomains = (user: LoggedInUser, domains: string[]) =>
  api.app.inject({ method: "PUT", url: "/api/settings/redirect-domains", headers: user.headers, payload: { domains } });

describe("thank-you redirects", () => {
  it("lets admins keep the list of allowed domains, normalised; marketers read it but cannot change it", async () => {
    const set = await setDomains(admin, [
      "Example.com",
      "https://www.partner.example/",
      "*.events.example",
      "example.com",
    ]);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().domains).toEqual(["example.com", "www.partner.example", "events.example"]);

    const read = await api.app.inject({
      method: "GET",
      url: "/api/settings/redirect-domains",
      headers: marketer.headers,
    });
    expect(read.json().domains).toEqual(["example.com", "www.partner.example", "events.example"]);

    expect((await setDomains(marketer, ["evil.example"])).statusCode).toBe(403);
    const bad = await setDomains(admin, ["not a domain"]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/not a domain name/);
  });

  it("lets a marketer redirect to a listed domain or its subdomains, and to the service's own pages", async () => {
    for (const url of ["https://example.com/thanks", "https://shop.example.com/t?x=1", "https://events.example/"]) {
      const res = await saveForm(marketer, url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      expect(res.json().redirectUrl).toBe(url);
    }
    const own = await saveForm(marketer, `${api.deps.config.http.publicUrl}/f/other`);
    expect(own.statusCode, own.body).toBe(201);
  });

  it("refuses a marketer's redirect to an unlisted site, naming the field and what to do", async () => {
    const res = await saveForm(marketer, "https://elsewhere.example/thanks");
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/elsewhere\.example is not on this account's list.*ask an admin/);
    expect(res.json().fields).toEqual([expect.objectContaining({ field: "redirectUrl" })]);
    // A look-alike is not a subdomain.
    expect((await saveForm(marketer, "https://notexample.com/")).statusCode).toBe(403);
    expect((await saveForm(marketer, "https://example.com.evil.example/")).statusCode).toBe(403);
  });

  it("lets an admin set an unlisted https redirect (the editor warns), never a plain-http one", async () => {
    const res = await saveForm(admin, "https://elsewhere.example/thanks");
    expect(res.statusCode, res.body).toBe(201);
    // A marketer may then edit the form and keep that redirect, but not move it elsewhere.
    const id = res.json().id;
    expect((await saveForm(marketer, "https://elsewhere.example/thanks", id)).statusCode).toBe(200);
    expect((await saveForm(marketer, "https://other.example/", id)).statusCode).toBe(403);
    expect((await saveForm(admin, "http://elsewhere.example/thanks")).statusCode).toBe(400);
  });

  it("refuses, for everyone, addresses that hide where they lead", async () => {
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "//evil.example/",
      "https://example.com@evil.example/",
      "https://user:pass@example.com/",
      "http://evil.example\\@example.com/",
      "https://example.com/\r\nSet-Cookie: x=1",
    ]) {
      const res = await saveForm(admin, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().fields?.[0]?.field ?? "", url).toMatch(/redirectUrl/);
    }
  });
});
