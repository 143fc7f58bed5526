import type { RequestLimiter } from "../http/limiter";

/** The subset of a pino logger the client uses: fields first, then the message. */
export interface GotoLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Where the client gets its bearer token. The product keeps tokens encrypted in its database:
 * `getAccessToken` returns the current one (refreshing ahead of expiry if it likes) and
 * `refreshAccessToken` is called once when GoTo refuses a token (403 InvalidToken or 401).
 */
export interface TokenSource {
  getAccessToken(): Promise<string>;
  refreshAccessToken(): Promise<string>;
}

export interface RetryOptions {
  /** Retries after the first attempt (5xx, network errors, timeouts, 429). Default 4. */
  maxRetries?: number;
  /** First backoff ceiling; doubles per retry, full jitter. Default 300 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff delay. Default 10 s. */
  maxDelayMs?: number;
  /** A 429 whose Retry-After asks for longer than this is thrown, not waited out. Default 60 s. */
  maxRetryAfterMs?: number;
}

export interface RequestEvent {
  method: string;
  path: string;
  /** HTTP status, 0 when no response arrived. */
  status: number;
  durationMs: number;
  /** 0 for the first attempt of a call, 1 for its first retry, ... */
  attempt: number;
}

export interface RequestStats {
  /** HTTP requests sent (every attempt, retries included). */
  requests: number;
  retries: number;
  rateLimited: number;
  tokenRefreshes: number;
  /** Calls that ended in a thrown error. */
  failures: number;
}

export interface GotoClientOptions {
  /** Default "https://api.getgo.com/G2W/rest/v2". */
  apiBaseUrl?: string;
  /** Host of /identity/v1 and /admin/rest/v1. Default "https://api.getgo.com". */
  identityBaseUrl?: string;
  /** Default organizer for organizer-scoped calls; resolved through getIdentity() when absent. */
  organizerKey?: string;
  /** Default account for account-scoped calls; resolved through getIdentity() when absent. */
  accountKey?: string;
  tokens: TokenSource;
  /** Share one per connector. Default: a new limiter at 10 requests/s, 10 concurrent. */
  limiter?: RequestLimiter;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  retry?: RetryOptions;
  log?: GotoLogger;
  /** Called after every HTTP attempt (to count API requests per job). */
  onRequest?: (event: RequestEvent) => void;
  fetch?: typeof globalThis.fetch;
  /** Cap on pages followed by any fetch-all loop. Default 10,000. */
  maxPages?: number;
}

export const silentLogger: GotoLogger = { debug() {}, info() {}, warn() {}, error() {} };
