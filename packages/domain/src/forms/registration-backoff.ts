export interface RegistrationBackoff {
  /** First retry waits between half and all of this. Default 2 s. */
  baseMs: number;
  /** Cap of one wait. Default 30 minutes. */
  maxMs: number;
}

export const DEFAULT_REGISTRATION_BACKOFF: RegistrationBackoff = { baseMs: 2_000, maxMs: 30 * 60_000 };

/**
 * Exponential backoff with jitter: after the n-th failed attempt wait between half and all of
 * base·2^(n-1), capped. The jitter spreads the retries of a burst that failed together (GoTo was
 * down for everyone), so they do not hit its rate limit together when it comes back.
 */
export function registrationBackoffMs(
  failedAttempts: number,
  backoff: RegistrationBackoff = DEFAULT_REGISTRATION_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function describeDuration(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 1 && Number.isInteger(hours)) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 1) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `${Math.round(ms / 1000)} seconds`;
}
