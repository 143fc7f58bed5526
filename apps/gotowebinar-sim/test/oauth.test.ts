import { createHash, randomBytes } from "node:crypto";
import * as oidc from "openid-client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startSim } from "../src/index";
import { HOUR, request } from "./helpers";

const sim = await startSim({ port: 0, seed: 7 });
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

const REDIRECT = "http://localhost:3000/oauth/callback";
const basic = (id = "demo-client", secret = "demo-secret") =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

function form(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

async function token(values: Record<string, string>, auth: string | null = basic()) {
  return request(`${sim.url}/oauth/token`, {
    method: "POST",
    body: form(values),
    headers: { "content-type": "application/x-www-form-urlencoded", ...(auth ? { authorization: auth } : {}) },
  });
}

/** Walks the consent page like a browser: GET the page, POST the form. */
async function consent(params: Record<string, string>, decision: "allow" | "deny", organizerKey?: string) {
  const page = await request(`${sim.url}/oauth/authorize?${new URLSearchParams(params)}`);
  expect(page.status).toBe(200);
  const requestId = /name="request_id" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
  const firstOrganizer = /<option value="(\d+)"/.exec(page.text)?.[1] ?? "";
  const answer = await request(`${sim.url}/oauth/authorize/decision`, {
    method: "POST",
    body: form({ request_id: requestId, organizerKey: organizerKey ?? firstOrganizer, decision }),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  return { page, answer, location: new URL(answer.headers.get("location") ?? "http://invalid/") };
}

async function codeFor(extra: Record<string, string> = {}) {
  const { location } = await consent(
    { client_id: "demo-client", response_type: "code", redirect_uri: REDIRECT, state: "s1", ...extra },
    "allow",
  );
  return location.searchParams.get("code") ?? "";
}

describe("OAuth authorization code flow", () => {
  it("shows an accessible consent page naming the client, with a who-signs-in select and Allow/Deny", async () => {
    const organizer = await sim.control.createOrganizer({
      email: "second@example.com",
      firstName: "Sam",
      lastName: "Second",
    });
    const page = await request(
      `${sim.url}/oauth/authorize?client_id=demo-client&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain("Webinar Sync (demo)");
    expect(page.text).toContain('<label for="organizerKey">Sign in as</label>');
    expect(page.text).toContain(organizer.organizerKey);
    expect(page.text).toMatch(/<button type="submit" name="decision" value="allow">Allow<\/button>/);
    expect(page.text).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/);
  });

  it("Allow redirects with code and state; the code buys tokens for the chosen organizer", async () => {
    const second = await sim.control.createOrganizer({
      email: "second@example.com",
      firstName: "Sam",
      lastName: "Second",
    });
    const { answer, location } = await consent(
      { client_id: "demo-client", response_type: "code", redirect_uri: REDIRECT, state: "xyz" },
      "allow",
      second.organizerKey,
    );
    expect(answer.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("xyz");
    const result = await token({
      grant_type: "authorization_code",
      code: location.searchParams.get("code") ?? "",
      redirect_uri: REDIRECT,
    });
    expect(result.status).toBe(200);
    expect(result.headers.get("cache-control")).toBe("no-store");
    expect(result.json).toMatchObject({ token_type: "Bearer", expires_in: 3600, principal: "second@example.com" });
    expect(result.json.access_token).toMatch(/^eyJ/);
    expect(typeof result.json.refresh_token).toBe("string");
    expect(result.json.scope).toContain("collab:");
    expect(result.json.organizer_key).toBeUndefined();
    const me = await request(`${sim.url}/identity/v1/Users/me`, { token: result.json.access_token });
    expect(me.json.id).toBe(second.organizerKey);
    expect(me.json.accounts[0].value).toBe(second.accountKey);
  });

  it("lets the person sign in as a new organizer from the consent page (a second connector in the demo)", async () => {
    const page = await request(
      `${sim.url}/oauth/authorize?client_id=demo-client&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(page.text).toContain('<label for="newEmail">E-mail</label>');
    const requestId = /name="request_id" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const answer = await request(`${sim.url}/oauth/authorize/decision`, {
      method: "POST",
      body: form({
        request_id: requestId,
        organizerKey: "new",
        newEmail: "nina.new@example.com",
        newFirstName: "Nina",
        newLastName: "New",
        decision: "allow",
      }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(answer.status).toBe(302);
    const code = new URL(answer.headers.get("location") ?? "http://invalid/").searchParams.get("code") ?? "";
    const result = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(result.json).toMatchObject({ principal: "nina.new@example.com" });
    const created = (await sim.control.organizers()).find((o) => o.email === "nina.new@example.com");
    expect(created).toMatchObject({ firstName: "Nina", lastName: "New" });
    const me = await request(`${sim.url}/identity/v1/Users/me`, { token: result.json.access_token });
    expect(me.json.id).toBe(created?.organizerKey);

    // "Someone else" without an e-mail is refused with a page that says what is missing.
    const again = await request(
      `${sim.url}/oauth/authorize?client_id=demo-client&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}`,
    );
    const refused = await request(`${sim.url}/oauth/authorize/decision`, {
      method: "POST",
      body: form({
        request_id: /name="request_id" value="([^"]+)"/.exec(again.text)?.[1] ?? "",
        organizerKey: "new",
        decision: "allow",
      }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Enter the new organizer");
  });

  it("Deny redirects with error=access_denied and the state", async () => {
    const { answer, location } = await consent(
      { client_id: "demo-client", response_type: "code", redirect_uri: REDIRECT, state: "no" },
      "deny",
    );
    expect(answer.status).toBe(302);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("no");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("shows an error page instead of redirecting for an unknown client or a foreign redirect_uri", async () => {
    const unknown = await request(
      `${sim.url}/oauth/authorize?client_id=nope&response_type=code&redirect_uri=${REDIRECT}`,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("location")).toBeNull();
    expect(unknown.text).toContain("Unknown client_id");
    const foreign = await request(
      `${sim.url}/oauth/authorize?client_id=demo-client&response_type=code&redirect_uri=${encodeURIComponent("https://evil.example/cb")}`,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get("location")).toBeNull();
  });

  it("codes are single-use, bound to the redirect_uri and expire after 10 minutes", async () => {
    const code = await codeFor();
    expect(
      (await token({ grant_type: "authorization_code", code, redirect_uri: "http://localhost:3000/other" })).json.error,
    ).toBe("invalid_grant");
    expect((await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT })).status).toBe(200);
    const reuse = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(reuse.status).toBe(400);
    expect(reuse.json.error).toBe("invalid_grant");

    const late = await codeFor();
    await sim.control.advanceClock(11 * 60_000);
    expect((await token({ grant_type: "authorization_code", code: late, redirect_uri: REDIRECT })).json.error).toBe(
      "invalid_grant",
    );
  });

  it("PKCE: a code sent with an S256 challenge needs the matching verifier", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    // A fresh code each time: a refused exchange may spend the code it was sent with.
    const exchange = async (verifierSent: Record<string, string>) =>
      token({
        grant_type: "authorization_code",
        code: await codeFor({ code_challenge: challenge, code_challenge_method: "S256" }),
        redirect_uri: REDIRECT,
        ...verifierSent,
      });
    const missing = await exchange({});
    expect(missing.json.error).toBe("invalid_grant");
    const wrong = await exchange({ code_verifier: "x".repeat(43) });
    expect(wrong.json.error).toBe("invalid_grant");
    const ok = await exchange({ code_verifier: verifier });
    expect(ok.status).toBe(200);
  });

  it("authenticates clients by Basic header or client_secret_post and answers RFC 6749 errors", async () => {
    const code = await codeFor();
    const bad = await token(
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT },
      basic("demo-client", "wrong"),
    );
    expect(bad.status).toBe(401);
    expect(bad.json.error).toBe("invalid_client");
    expect(bad.headers.get("www-authenticate")).toMatch(/^Basic/);
    const post = await token(
      {
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT,
        client_id: "demo-client",
        client_secret: "demo-secret",
      },
      null,
    );
    expect(post.status).toBe(200);
    const unsupported = await token({ grant_type: "password", username: "a", password: "b" });
    expect(unsupported.status).toBe(400);
    expect(unsupported.json.error).toBe("unsupported_grant_type");
  });

  it("autoApprove skips the consent page", async () => {
    const auto = await startSim({ port: 0, autoApprove: true });
    try {
      const res = await request(
        `${auto.url}/oauth/authorize?client_id=demo-client&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}&state=a`,
      );
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get("location") ?? "").searchParams.get("code")).toBeTruthy();
    } finally {
      await auto.close();
    }
  });

  it("publishes RFC 8414 metadata that openid-client can discover and complete a PKCE flow with", async () => {
    const meta = await request(`${sim.url}/.well-known/oauth-authorization-server`);
    expect(meta.json).toMatchObject({
      issuer: sim.url,
      authorization_endpoint: `${sim.url}/oauth/authorize`,
      token_endpoint: `${sim.url}/oauth/token`,
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
    await sim.control.updateSettings({ autoApprove: true });
    const config = await oidc.discovery(
      new URL(sim.url),
      "demo-client",
      "demo-secret",
      oidc.ClientSecretBasic("demo-secret"),
      {
        execute: [oidc.allowInsecureRequests],
        algorithm: "oauth2",
      },
    );
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const authUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: "collab:",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
    });
    const redirect = await fetch(authUrl, { redirect: "manual" });
    const callback = new URL(redirect.headers.get("location") ?? "");
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.access_token).toMatch(/^eyJ/);
    expect(tokens.expires_in).toBe(3600);
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? "");
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toBeUndefined();
  });
});

describe("refresh tokens", () => {
  async function tokens() {
    const code = await codeFor();
    return (await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT })).json;
  }

  it('"omit" (default): new access token, no refresh_token in the response, the old one keeps working', async () => {
    const first = await tokens();
    const a = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(a.status).toBe(200);
    expect(a.json.refresh_token).toBeUndefined();
    expect(a.json.access_token).not.toBe(first.access_token);
    const b = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(b.status).toBe(200);
  });

  it('"rotate-always": every refresh returns a new refresh token and the old one is spent', async () => {
    await sim.control.updateSettings({ refreshMode: "rotate-always" });
    const first = await tokens();
    const a = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(a.json.refresh_token).toBeTruthy();
    expect(a.json.refresh_token).not.toBe(first.refresh_token);
    expect((await token({ grant_type: "refresh_token", refresh_token: first.refresh_token })).json.error).toBe(
      "invalid_grant",
    );
    expect((await token({ grant_type: "refresh_token", refresh_token: a.json.refresh_token })).status).toBe(200);
  });

  it('"rotate-on-expiry": the refresh token is swapped only once older than its lifetime', async () => {
    await sim.control.updateSettings({ refreshMode: "rotate-on-expiry", refreshTokenTtlSeconds: 24 * 3600 });
    const first = await tokens();
    const early = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(early.json.refresh_token).toBeUndefined();
    await sim.control.advanceClock(25 * HOUR);
    const late = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(late.json.refresh_token).toBeTruthy();
    expect((await token({ grant_type: "refresh_token", refresh_token: first.refresh_token })).json.error).toBe(
      "invalid_grant",
    );
  });

  it("revoked refresh tokens fail with invalid_grant", async () => {
    const first = await tokens();
    const organizer = await sim.control.defaultOrganizer();
    expect((await sim.control.revokeTokens({ organizerKey: organizer.organizerKey })).refreshTokens).toBeGreaterThan(0);
    const res = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe("invalid_grant");
  });

  it("includes organizer_key/account_key when configured", async () => {
    await sim.control.updateSettings({ includeKeysInTokenResponse: true });
    const organizer = await sim.control.defaultOrganizer();
    const t = await tokens();
    expect(t.organizer_key).toBe(organizer.organizerKey);
    expect(t.account_key).toBe(organizer.accountKey);
  });
});
