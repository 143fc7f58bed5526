/**
 * Sessions slide: each use pushes the expiry to 12 hours ahead, but never past 7 days after the
 * login, so a stolen cookie cannot be kept alive forever. Extensions are written at most every
 * 5 minutes to keep reads cheap.
 */
export const SESSION_IDLE_MS = 12 * 3_600_000;
export const SESSION_MAX_AGE_MS = 7 * 86_400_000;
export const SESSION_TOUCH_EVERY_MS = 5 * 60_000;

export function nextSessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_AGE_MS));
}
