import { DomainError } from "@gw/domain";
import type { Redis } from "@gw/queues";
import { type RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { insuredLimiter } from "./insured-limiter";

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed logins allowed in 15 minutes, per key. The pair stops guessing one password from one
 * place; the IP limit stops one address trying a common password on many e-mails (spraying);
 * the account limit stops many addresses guessing one account's password (at the price that a
 * botnet can hold one account's logins back for the window, never longer).
 */
export const LOGIN_LIMITS = {
  ipAndEmail: 10,
  ip: 50,
  email: 30,
} as const;
type Scope = keyof typeof LOGIN_LIMITS;

const MESSAGES: Record<Scope, string> = {
  ipAndEmail: "Too many login attempts for this e-mail from your address",
  ip: "Too many failed logins from your address",
  email: "Too many failed logins for this e-mail",
};

export class TooManyLogins extends DomainError {
  constructor(
    scope: Scope,
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super("RATE_LIMITED", `${MESSAGES[scope]}; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

export interface LoginThrottle {
  /** Counts an attempt on every key; throws TooManyLogins when any key is past its limit. */
  attempt(ip: string, email: string): Promise<void>;
  /** A successful login gives its attempt back: only failures count. */
  succeeded(ip: string, email: string): Promise<void>;
}

/**
 * Counted in Redis (rate-limiter-flexible) so every API process shares the budget. When Redis is
 * down each process falls back to counting in memory: logins stay possible (failing closed would
 * lock every user out, operators included, for as long as Redis is away) and guessing stays bounded
 * (by the same limits per process). The attempt is counted before the password is checked, so a
 * burst of parallel guesses cannot slip past the count.
 */
export function createLoginThrottle(redis: Redis, prefix: string): LoginThrottle {
  const limiters = Object.fromEntries(
    (Object.keys(LOGIN_LIMITS) as Scope[]).map((scope) => [
      scope,
      insuredLimiter(redis, `${prefix}:login:${scope}`, LOGIN_LIMITS[scope], WINDOW_SECONDS),
    ]),
  ) as Record<Scope, RateLimiterRedis>;
  const keys = (ip: string, email: string): Record<Scope, string> => ({
    ipAndEmail: `${ip}|${email}`,
    ip,
    email,
  });

  return {
    async attempt(ip, email) {
      const key = keys(ip, email);
      const scopes = Object.keys(limiters) as Scope[];
      const outcomes = await Promise.allSettled(scopes.map((scope) => limiters[scope].consume(key[scope])));
      let refusal: TooManyLogins | undefined;
      outcomes.forEach((outcome, i) => {
        if (outcome.status === "fulfilled") return;
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
        const wait = Math.ceil(outcome.reason.msBeforeNext / 1000);
        if (!refusal || wait > refusal.retryAfterSeconds) refusal = new TooManyLogins(scopes[i]!, wait);
      });
      if (refusal) throw refusal;
    },
    async succeeded(ip, email) {
      const key = keys(ip, email);
      await Promise.allSettled((Object.keys(limiters) as Scope[]).map((scope) => limiters[scope].reward(key[scope])));
    },
  };
}
