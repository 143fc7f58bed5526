import { describe, expect, it } from "vitest";
import { checkBaseUrl, isLoopbackHost } from "../../src/http/secure-url";
import { createGotoClient, createGotoOAuth, GotoInputError, GotoOAuthError, staticTokenSource } from "../../src/index";

describe("plain http only for loopback hosts", () => {
  it("recognises loopback hosts", () => {
    for (const host of ["localhost", "127.0.0.1", "127.255.3.4", "[::1]", "::1", "app.localhost"]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ["example.com", "10.0.0.1", "128.0.0.1", "127.0.0.1.nip.io", "localhost.evil.com", "[::2]"]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it("accepts https anywhere and http on loopback", () => {
    expect(checkBaseUrl("https://api.getgo.com/G2W/rest/v2")).toMatchObject({ ok: true, insecureLoopback: false });
    expect(checkBaseUrl("http://127.0.0.1:4010")).toMatchObject({ ok: true, insecureLoopback: true });
    expect(checkBaseUrl("http://localhost:4010")).toMatchObject({ ok: true, insecureLoopback: true });
  });

  it("refuses http to other hosts with a clear reason", () => {
    const result = checkBaseUrl("http://api.getgo.com");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/only allowed for loopback hosts.*api\.getgo\.com/);
    expect(checkBaseUrl("ftp://127.0.0.1").ok).toBe(false);
  });

  it("the OAuth module refuses a non-loopback http authorization server", () => {
    const make = () =>
      createGotoOAuth({
        authBaseUrl: "http://auth.example.com",
        clientId: "c",
        clientSecret: "s",
        redirectUri: "http://localhost/cb",
      });
    expect(make).toThrow(GotoOAuthError);
    expect(make).toThrow(/loopback/);
  });

  it("the client refuses to send bearer tokens over non-loopback http", () => {
    expect(() =>
      createGotoClient({ apiBaseUrl: "http://10.1.2.3/G2W/rest/v2", tokens: staticTokenSource("t") }),
    ).toThrow(GotoInputError);
  });
});
