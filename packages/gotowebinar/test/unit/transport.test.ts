import { describe, expect, it } from "vitest";
import { createGotoClient, type GotoLogger, GotoUnauthorizedError, type TokenSource, unlimited } from "../../src/index";

const SECRET = "eyJ-super-secret-access-token";

function capturingLogger() {
  const lines: string[] = [];
  const push = (obj: object, msg?: string) => lines.push(JSON.stringify({ obj, msg }));
  const log: GotoLogger = { debug: push, info: push, warn: push, error: push };
  return { log, lines };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

describe("transport", () => {
  it("never logs the token, the Authorization header or secret query parameters", async () => {
    const { log, lines } = capturingLogger();
    const client = createGotoClient({
      apiBaseUrl: "https://api.example.test/G2W/rest/v2",
      organizerKey: "1",
      tokens: { getAccessToken: async () => SECRET, refreshAccessToken: async () => SECRET },
      limiter: unlimited,
      log,
      fetch: async () => json(200, { ok: true }),
    });
    await client.rawRequest({
      method: "GET",
      path: "/organizers/{organizerKey}/webinars",
      query: { access_token: SECRET, fromTime: "2020-01-01T00:00:00Z" },
      headers: { Authorization: `Bearer ${SECRET}`, "X-Api-Key": SECRET, "User-Agent": "curl/7.64.1" },
      debug: true,
    });
    const all = lines.join("\n");
    expect(all).toContain("/organizers/1/webinars");
    expect(all).toContain("curl/7.64.1");
    expect(all).not.toContain(SECRET);
  });

  it("asks the token source to replace the refused token, once per call, and retries with the replacement", async () => {
    let token = "old";
    const refused: string[] = [];
    const tokens: TokenSource = {
      getAccessToken: async () => token,
      // A source that shares one renewal: only the first refusal of "old" renews.
      refreshAccessToken: async (stale) => {
        refused.push(stale);
        token = "new";
        return token;
      },
    };
    const client = createGotoClient({
      apiBaseUrl: "https://api.example.test/G2W/rest/v2",
      organizerKey: "1",
      tokens,
      limiter: unlimited,
      fetch: async (_url, init) => {
        const auth = new Headers(init?.headers).get("authorization");
        return auth === "Bearer new"
          ? json(200, [])
          : json(403, { int_err_code: "InvalidToken", msg: "Invalid token passed" });
      },
    });
    await client.listAllRegistrants({ webinarKey: "5" });
    expect(refused).toEqual(["old"]);
    expect(client.stats.tokenRefreshes).toBe(1);
    // A later call whose token is refused asks again, naming the token that was refused.
    token = "revoked";
    await client.getWebinar({ webinarKey: "5" });
    expect(refused).toEqual(["old", "revoked"]);
  });

  it("throws GotoUnauthorizedError carrying no token when the refresh fails", async () => {
    const client = createGotoClient({
      apiBaseUrl: "https://api.example.test/G2W/rest/v2",
      organizerKey: "1",
      tokens: {
        getAccessToken: async () => SECRET,
        refreshAccessToken: async () => {
          throw new Error("invalid_grant");
        },
      },
      limiter: unlimited,
      fetch: async () => json(403, { int_err_code: "InvalidToken", msg: "Invalid token passed" }),
    });
    const error = await client.getWebinar({ webinarKey: "5" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoUnauthorizedError);
    expect(error).toMatchObject({ status: 403, code: "refresh_failed", method: "GET" });
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(String((error as Error).stack)).not.toContain(SECRET);
  });
});
