import type { RequestLimiter } from "../http/limiter";

/** The subset of a pino logger the client uses: fields first, then the message. */
export interface GotoLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Where the client gets its bearer token: the one interface between the client and whoever keeps
 * the tokens (the product keeps them encrypted in its database, renewed under a lock). The client
 * asks for a token before each attempt, and when GoTo refuses one (401, or 403 `InvalidToken`) it
 * asks once per call for a replacement and retries with it.
 */
export interface TokenSource {
  /** The token to send now; a source may renew it here when it is about to expire. */
  getAccessToken(): Promise<string>;
  /**
   * GoTo refused `refused`: return another token. When the source already holds a newer one
   * (another call renewed it meanwhile) it returns that one instead of renewing again.
   */
  refreshAccessToken(refused: string): Promise<string>;
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
  /** Calls whose token GoTo refused, so that a replacement was asked of the token source. */
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
