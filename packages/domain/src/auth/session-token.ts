import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The opaque value of the session cookie; only its SHA-256 is stored. */
export const newSessionToken = () => randomBytes(32).toString("base64url");

export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const newCsrfSecret = () => randomBytes(24).toString("base64url");

/**
 * The synchronizer token a client echoes in `x-csrf-token`: an HMAC of the session's CSRF secret
 * with the service's SESSION_SECRET, so the database alone cannot mint one.
 */
export function csrfTokenFor(sessionSecret: string, csrfSecret: string): string {
  return createHmac("sha256", sessionSecret).update(`csrf:${csrfSecret}`).digest("base64url");
}

export function csrfTokenMatches(sessionSecret: string, csrfSecret: string, sent: string | undefined): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(sessionSecret, csrfSecret));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
