import { describe, expect, it } from "vitest";
import { backoffDelayMs, parseRetryAfter } from "../../src/http/backoff";

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe("backoff with full jitter", () => {
  it("draws below a ceiling that doubles per retry", () => {
    expect(backoffDelayMs(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(199);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(400);
  });

  it("never exceeds maxDelayMs and can be zero", () => {
    expect(backoffDelayMs(20, policy, () => 0.999)).toBe(999);
    expect(backoffDelayMs(5, policy, () => 0)).toBe(0);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("1.5", now)).toBe(1_500);
  });

  it("reads an HTTP date relative to now, never negative", () => {
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now)).toBe(0);
  });

  it("ignores an absent or unreadable header", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});
