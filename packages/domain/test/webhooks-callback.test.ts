import { describe, expect, it } from "vitest";
import { describeConnectorWebhooks, webhookAvailability, webhookCallbackUrl } from "../src/webhook-subscriptions/index";

const settings = (publicUrl: string, allowLoopback = false) => ({ http: { publicUrl }, webhooks: { allowLoopback } });

describe("webhookAvailability", () => {
  it("turns webhooks on for a public https PUBLIC_URL", () => {
    expect(webhookAvailability(settings("https://sync.example.com"))).toEqual({ enabled: true });
  });

  it.each([
    ["http://localhost:3000", "loopback"],
    ["http://127.0.0.1:3000", "loopback"],
    ["http://[::1]:3000", "loopback"],
    ["https://10.1.2.3", "private"],
    ["https://192.168.1.20", "private"],
    ["https://172.20.0.5", "private"],
    ["http://api:3000", "private"],
    ["https://sync.internal", "private"],
  ])("turns them off for %s (a %s address GoTo cannot reach) and says polling alone is used", (url, kind) => {
    const result = webhookAvailability(settings(url));
    expect(result.enabled).toBe(false);
    expect(result.enabled ? "" : result.reason).toMatch(
      new RegExp(`${kind} address that GoTo cannot reach.*polling alone`),
    );
  });

  it("turns them off for a public address over plain http (GoTo only calls https)", () => {
    const result = webhookAvailability(settings("http://sync.example.com"));
    expect(result).toEqual({ enabled: false, reason: expect.stringMatching(/not https/) });
  });

  it("allows loopback and private addresses when WEBHOOKS_ALLOW_LOOPBACK is set (tests, demo with the stand-in)", () => {
    expect(webhookAvailability(settings("http://127.0.0.1:4000", true))).toEqual({ enabled: true });
    expect(webhookAvailability(settings("http://api:3000", true))).toEqual({ enabled: true });
  });
});

describe("webhookCallbackUrl", () => {
  it("names the connector under PUBLIC_URL, without a doubled slash", () => {
    expect(webhookCallbackUrl("https://sync.example.com/", "c1")).toBe("https://sync.example.com/webhooks/goto/c1");
  });
});

describe("describeConnectorWebhooks", () => {
  const connector = { status: "VERIFIED" as const, webhooksEnabled: false, webhooksError: null };
  it("explains why a connector has no webhooks: unreachable URL first, then a failed setup, then not verified yet", () => {
    expect(describeConnectorWebhooks({ connector, config: settings("http://localhost:3000") }).reason).toMatch(
      /loopback/,
    );
    expect(
      describeConnectorWebhooks({
        connector: { ...connector, webhooksError: "Setting up GoTo webhooks failed: boom" },
        config: settings("https://x.example.com"),
      }),
    ).toEqual({ enabled: false, reason: "Setting up GoTo webhooks failed: boom" });
    expect(
      describeConnectorWebhooks({
        connector: { ...connector, status: "UNVERIFIED" },
        config: settings("https://x.example.com"),
      }).reason,
    ).toMatch(/when the connector is verified/);
    expect(
      describeConnectorWebhooks({
        connector: { ...connector, webhooksEnabled: true },
        config: settings("https://x.example.com"),
      }),
    ).toEqual({
      enabled: true,
      reason: null,
    });
  });
});
