import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "../src/index";

const body = JSON.stringify({ eventKey: "e1", eventName: "registrant.added" });

describe("webhook signatures", () => {
  it("accepts what it signed, under every signing scheme", () => {
    for (const scheme of ["hmac-sha256-timestamp", "hmac-sha256"] as const) {
      const headers = signWebhook({ scheme, secret: "s3cret", body, timestamp: 1_000 });
      expect(verifyWebhook({ scheme, secrets: ["other", "s3cret"], body, headers, now: 1_010 })).toEqual({ ok: true });
    }
  });

  it("rejects a body changed after signing", () => {
    const headers = signWebhook({ scheme: "hmac-sha256", secret: "s3cret", body });
    expect(verifyWebhook({ scheme: "hmac-sha256", secrets: ["s3cret"], body: `${body} `, headers })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("rejects a stale timestamp and a missing signature", () => {
    const scheme = "hmac-sha256-timestamp" as const;
    const headers = signWebhook({ scheme, secret: "k", body, timestamp: 1_000 });
    expect(verifyWebhook({ scheme, secrets: ["k"], body, headers, now: 2_000 })).toEqual({
      ok: false,
      reason: "stale-timestamp",
    });
    expect(verifyWebhook({ scheme, secrets: ["k"], body, headers: {}, now: 1_000 })).toEqual({
      ok: false,
      reason: "missing-signature",
    });
  });
});
