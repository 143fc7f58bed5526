import { describe, expect, it } from "vitest";
import {
  csrfTokenFor,
  csrfTokenMatches,
  hashPassword,
  nextSessionExpiry,
  SESSION_IDLE_MS,
  SESSION_MAX_AGE_MS,
  verifyPassword,
} from "../src/auth";

describe("passwords", () => {
  it("hashes with a fresh salt and verifies only the right password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
  });

  it("never matches a malformed stored hash", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "plain$text")).toBe(false);
  });
});

describe("CSRF tokens", () => {
  it("are bound to the session secret and the service secret", () => {
    const token = csrfTokenFor("service-secret", "session-a");
    expect(csrfTokenMatches("service-secret", "session-a", token)).toBe(true);
    expect(csrfTokenMatches("service-secret", "session-b", token)).toBe(false);
    expect(csrfTokenMatches("other-secret", "session-a", token)).toBe(false);
    expect(csrfTokenMatches("service-secret", "session-a", undefined)).toBe(false);
  });
});

describe("session expiry", () => {
  it("slides 12 hours ahead but never past 7 days after login", () => {
    const login = new Date("2026-01-01T00:00:00Z");
    expect(nextSessionExpiry(login, login).getTime()).toBe(login.getTime() + SESSION_IDLE_MS);
    const late = new Date(login.getTime() + SESSION_MAX_AGE_MS - 3_600_000);
    expect(nextSessionExpiry(login, late).getTime()).toBe(login.getTime() + SESSION_MAX_AGE_MS);
  });
});
