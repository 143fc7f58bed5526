import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGotoClient, createGotoOAuth, GotoOAuthError, staticTokenSource } from "../../src/index";
import { authorizeInBrowser, CLIENT_ID, type Harness, oauthFor, REDIRECT_URI, signIn, startHarness } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const clientWith = (accessToken: string) =>
  createGotoClient({
    apiBaseUrl: `${h.sim.url}/G2W/rest/v2`,
    identityBaseUrl: h.sim.url,
    tokens: staticTokenSource(accessToken),
  });

describe("OAuth authorization code flow", () => {
  it("builds an authorization URL with state and PKCE S256", async () => {
    const request = await oauthFor(h.sim).createAuthorizationRequest();
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${h.sim.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      response_type: "code",
      redirect_uri: REDIRECT_URI,
      scope: "identity:scim.me collab:",
      state: request.state,
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: "S256",
    });
    expect(request.codeVerifier.length).toBeGreaterThanOrEqual(43);
  });

  it("exchanges the code from the redirect for tokens that work on the identity endpoint", async () => {
    const oauth = oauthFor(h.sim);
    const request = await oauth.createAuthorizationRequest();
    const callbackUrl = await authorizeInBrowser(request.url);
    expect(callbackUrl.startsWith(REDIRECT_URI)).toBe(true);
    const started = Date.now();
    const tokens = await oauth.exchangeCode({
      callbackUrl,
      expectedState: request.state,
      codeVerifier: request.codeVerifier,
    });
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: expect.any(Date),
      scope: "identity:scim.me collab:",
      principal: "organizer@example.com",
    });
    expect(tokens.expiresAt.getTime() - started).toBeGreaterThan(3_590_000);
    expect(tokens.expiresAt.getTime() - started).toBeLessThan(3_610_000);
    const me = await clientWith(tokens.accessToken).getIdentity();
    expect(me.email).toBe("organizer@example.com");

    // Codes are single-use.
    await expect(
      oauth.exchangeCode({ callbackUrl, expectedState: request.state, codeVerifier: request.codeVerifier }),
    ).rejects.toMatchObject({ name: "GotoOAuthError", code: "invalid_grant", status: 400 });
  });

  it("refuses a callback whose state does not match, without calling the token endpoint", async () => {
    const oauth = oauthFor(h.sim);
    const request = await oauth.createAuthorizationRequest();
    const callbackUrl = await authorizeInBrowser(request.url);
    await h.sim.control.clearRequests();
    await expect(
      oauth.exchangeCode({ callbackUrl, expectedState: "someone-elses-state", codeVerifier: request.codeVerifier }),
    ).rejects.toMatchObject({ code: "state_mismatch" });
    expect((await h.sim.control.requests()).filter((r) => r.path === "/oauth/token")).toHaveLength(0);
  });

  it("refuses a wrong code verifier and a wrong client secret with typed errors", async () => {
    const oauth = oauthFor(h.sim);
    const request = await oauth.createAuthorizationRequest();
    const callbackUrl = await authorizeInBrowser(request.url);
    await expect(
      oauth.exchangeCode({ callbackUrl, expectedState: request.state, codeVerifier: "x".repeat(43) }),
    ).rejects.toMatchObject({ code: "invalid_grant" });

    const wrong = createGotoOAuth({
      authBaseUrl: h.sim.url,
      clientId: CLIENT_ID,
      clientSecret: "not-the-secret",
      redirectUri: REDIRECT_URI,
    });
    const error = await wrong.refresh(h.tokenSet.refreshToken!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoOAuthError);
    expect(error).toMatchObject({ code: "invalid_client", status: 401 });
    expect(String((error as Error).message)).not.toContain("not-the-secret");
  });

  it("a denied consent comes back as access_denied", async () => {
    await h.sim.control.updateSettings({ autoApprove: false });
    try {
      const oauth = oauthFor(h.sim);
      const request = await oauth.createAuthorizationRequest();
      const page = await (await fetch(request.url)).text();
      const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1];
      expect(requestId).toBeDefined();
      const decision = await fetch(`${h.sim.url}/oauth/authorize/decision`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ request_id: requestId!, decision: "deny" }),
      });
      const callbackUrl = decision.headers.get("location")!;
      await expect(
        oauth.exchangeCode({ callbackUrl, expectedState: request.state, codeVerifier: request.codeVerifier }),
      ).rejects.toMatchObject({ name: "GotoOAuthError", code: "access_denied" });
    } finally {
      await h.sim.control.updateSettings({ autoApprove: true });
    }
  });

  it("reads legacy organizer_key / account_key exactly when the token response carries them", async () => {
    await h.sim.control.updateSettings({ includeKeysInTokenResponse: true });
    try {
      const { tokenSet } = await signIn(h.sim);
      const me = await clientWith(tokenSet.accessToken).getIdentity();
      expect(tokenSet.organizerKey).toBe(me.organizerKey);
      expect(tokenSet.accountKey).toBe(me.accountKey);
      expect(tokenSet.organizerKey).toMatch(/^\d{16,19}$/);
    } finally {
      await h.sim.control.updateSettings({ includeKeysInTokenResponse: false });
    }
  });
});

describe("refresh", () => {
  it("returns a new access token and no refresh token when GoTo does not rotate", async () => {
    const { oauth, tokenSet } = await signIn(h.sim);
    const refreshed = await oauth.refresh(tokenSet.refreshToken!);
    expect(refreshed.accessToken).not.toBe(tokenSet.accessToken);
    expect(refreshed.refreshToken).toBeUndefined();
    expect((await clientWith(refreshed.accessToken).getIdentity()).email).toBe("organizer@example.com");
  });

  it("returns the rotated refresh token when GoTo rotates: the used one is spent, the new one works", async () => {
    await h.sim.control.updateSettings({ refreshMode: "rotate-always" });
    try {
      const { oauth, tokenSet } = await signIn(h.sim);
      const rotated = await oauth.refresh(tokenSet.refreshToken!);
      expect(rotated.refreshToken).toBeDefined();
      expect(rotated.refreshToken).not.toBe(tokenSet.refreshToken);
      await expect(oauth.refresh(tokenSet.refreshToken!)).rejects.toMatchObject({ code: "invalid_grant" });
      await expect(oauth.refresh(rotated.refreshToken!)).resolves.toMatchObject({ accessToken: expect.any(String) });
    } finally {
      await h.sim.control.updateSettings({ refreshMode: "omit" });
    }
  });
});
