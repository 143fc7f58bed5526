import { describe, expect, it } from "vitest";
import { explainSyncError } from "../src/sync/explain-sync-error";

describe("explainSyncError", () => {
  it("says a revoked refresh token means the organizer revoked access, and to verify again", () => {
    expect(
      explainSyncError(
        "DomainError: GoTo refused to renew access (invalid_grant): Refresh token is invalid. Verify the connector again to reconnect.",
      ),
    ).toEqual({
      message: "GoTo refused the connection: the organizer revoked access.",
      action: "Verify again.",
      reverify: true,
    });
  });

  it("points a refused OAuth client at its id and secret", () => {
    const plain = explainSyncError("GoTo refused to renew access (invalid_client): bad client");
    expect(plain?.message).toMatch(/OAuth client: its id or secret is wrong/);
    expect(plain?.reverify).toBe(true);
  });

  it("tells that passing troubles (network, 429, 5xx) need nothing done", () => {
    for (const raw of [
      "GotoNetworkError: connect ECONNREFUSED 10.0.0.1:443",
      "GotoTimeoutError: no answer within 30000 ms",
      "GotoRateLimitedError: Too many requests",
      "GotoServerError: GoTo answered 503",
    ]) {
      const plain = explainSyncError(raw);
      expect(plain?.reverify, raw).toBe(false);
      expect(plain?.action, raw).toMatch(/^Nothing to do/);
    }
  });

  it("asks to verify again when GoTo no longer accepts the token", () => {
    expect(explainSyncError("GotoUnauthorizedError: InvalidToken")).toMatchObject({
      reverify: true,
      action: "Verify again.",
    });
  });

  it("keeps an unknown error's own words, without the class name", () => {
    expect(explainSyncError("TypeError: something odd")).toMatchObject({
      message: "The sync failed: something odd.",
      reverify: false,
    });
    expect(explainSyncError(null)).toBeNull();
    expect(explainSyncError("")).toBeNull();
  });
});
