import { setTimeout as sleep } from "node:timers/promises";
import type { GotoLogger, RequestEvent, RequestStats, RetryOptions, TokenSource } from "../types/options";
import { backoffDelayMs, parseRetryAfter } from "./backoff";
import {
  errorFromResponse,
  GotoApiError,
  GotoNetworkError,
  GotoRateLimitedError,
  GotoServerError,
  GotoTimeoutError,
  GotoUnauthorizedError,
  isInvalidTokenResponse,
} from "./errors";
import { parseJsonLossless, stringifyJson } from "./json";
import type { RequestLimiter } from "./limiter";
import { redactHeaders, redactQuery } from "./redact";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
export type QueryValue = string | number | boolean | Date | undefined | null;
export type QueryInput = Record<string, QueryValue | readonly QueryValue[]> | readonly (readonly [string, string])[];

export type RequestBody =
  | { kind: "json"; value: unknown }
  | { kind: "form"; value: URLSearchParams }
  | { kind: "multipart"; value: FormData }
  | { kind: "raw"; value: string | Uint8Array | Blob; contentType?: string };

export type ResponseType = "json" | "text" | "binary";

export interface CallRetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  /** A fixed delay between retries instead of exponential backoff (raw requests). */
  fixedDelayMs?: number;
  /** Retry any error response, not only 5xx/429/network (raw requests). */
  retryOnAllErrors?: boolean;
}

export interface ApiRequest {
  method: HttpMethod;
  /** Which host the path is relative to. Default "api". */
  base?: "api" | "identity";
  /** Path relative to the base, with a leading "/" and already-encoded segments. */
  path: string;
  query?: QueryInput;
  body?: RequestBody;
  headers?: Record<string, string>;
  /**
   * Whether 5xx, network errors and timeouts may be retried. Defaults to true for idempotent
   * methods. 429 is always retried: the request was not processed.
   */
  retryable?: boolean;
  responseType?: ResponseType;
  timeoutMs?: number;
  retry?: Partial<CallRetryPolicy>;
  /** Log this request (method, URL, header names) at info level; never secrets or bodies. */
  debug?: boolean;
  /** Called after every attempt of this call (status 0 when no response arrived). */
  onAttempt?: (event: RequestEvent) => void;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON (lossless), text or bytes; undefined for an empty body. */
  data: unknown;
}

export interface TransportOptions {
  apiBaseUrl: string;
  identityBaseUrl: string;
  tokens: TokenSource;
  limiter: RequestLimiter;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  log: GotoLogger;
  onRequest?: (event: RequestEvent) => void;
  fetch: typeof globalThis.fetch;
}

const IDEMPOTENT = new Set<HttpMethod>(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

type Attempt =
  | { kind: "response"; status: number; statusText: string; headers: Headers; data: unknown }
  | { kind: "failure"; error: GotoApiError };

/**
 * The one place that talks HTTP to GoTo: limiter, bearer token, timeout, lossless JSON,
 * retries with backoff, Retry-After, one token refresh, typed errors and request counting.
 */
export class Transport {
  private readonly stats: RequestStats = { requests: 0, retries: 0, rateLimited: 0, tokenRefreshes: 0, failures: 0 };

  constructor(private readonly options: TransportOptions) {}

  snapshot(): RequestStats {
    return { ...this.stats };
  }

  async request(req: ApiRequest): Promise<ApiResponse> {
    try {
      return await this.run(req);
    } catch (error) {
      this.stats.failures += 1;
      throw error;
    }
  }

  private async run(req: ApiRequest): Promise<ApiResponse> {
    const policy: CallRetryPolicy = { ...this.options.retry, ...req.retry };
    const retryable = req.retryable ?? IDEMPOTENT.has(req.method);
    const url = this.buildUrl(req);
    const logPath = req.path;
    let retries = 0;
    let refreshed = false;
    if (req.debug) {
      this.options.log.info(
        {
          method: req.method,
          path: logPath,
          query: redactQuery(url.searchParams),
          headers: redactHeaders(req.headers ?? {}),
          bodyKind: req.body?.kind,
        },
        "goto raw request",
      );
    }

    for (let attemptNo = 0; ; attemptNo += 1) {
      const token = await this.accessToken(req, logPath);
      const attempt = await this.options.limiter.schedule(() => this.send(req, url, token, attemptNo));

      if (attempt.kind === "response" && attempt.status >= 200 && attempt.status < 300) {
        return { status: attempt.status, headers: attempt.headers, data: attempt.data };
      }

      if (attempt.kind === "response" && isInvalidTokenResponse(attempt.status, attempt.data) && !refreshed) {
        refreshed = true;
        await this.refresh(req, logPath, attempt.status, token);
        continue;
      }

      const error =
        attempt.kind === "failure"
          ? attempt.error
          : errorFromResponse({
              status: attempt.status,
              statusText: attempt.statusText,
              body: attempt.data,
              method: req.method,
              path: logPath,
              retryAfterMs: parseRetryAfter(attempt.headers.get("retry-after")),
            });
      const delay = this.retryDelay(error, retryable, policy, retries);
      if (error instanceof GotoRateLimitedError) {
        this.stats.rateLimited += 1;
        // GoTo counts per client: every caller sharing this budget waits, not only this request.
        this.options.limiter.backOff?.(error.retryAfterMs ?? delay ?? policy.baseDelayMs);
      }
      if (delay === undefined) throw error;
      retries += 1;
      this.stats.retries += 1;
      this.options.log.warn(
        { method: req.method, path: logPath, status: error.status, code: error.code, retry: retries, delayMs: delay },
        "retrying GoTo request",
      );
      await sleep(delay);
    }
  }

  /** Milliseconds to wait before the next attempt, or undefined when the error is final. */
  private retryDelay(
    error: GotoApiError,
    retryable: boolean,
    policy: CallRetryPolicy,
    retries: number,
  ): number | undefined {
    if (retries >= policy.maxRetries) return undefined;
    if (error instanceof GotoUnauthorizedError) return undefined;
    const backoff = () => (policy.fixedDelayMs !== undefined ? policy.fixedDelayMs : backoffDelayMs(retries, policy));
    if (error instanceof GotoRateLimitedError) {
      if (error.retryAfterMs === undefined) return backoff();
      return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : undefined;
    }
    const transient =
      error instanceof GotoServerError || error instanceof GotoNetworkError || error instanceof GotoTimeoutError;
    if (transient && retryable) return backoff();
    if (policy.retryOnAllErrors) return backoff();
    return undefined;
  }

  private async accessToken(req: ApiRequest, path: string): Promise<string> {
    try {
      return await this.options.tokens.getAccessToken();
    } catch (cause) {
      if (cause instanceof GotoApiError) throw cause;
      throw new GotoUnauthorizedError({
        status: 401,
        code: "token_unavailable",
        message: "no usable GoTo access token (the token source failed)",
        method: req.method,
        path,
        cause,
      });
    }
  }

  /** Sharing one renewal between concurrent calls is the token source's job, not ours. */
  private async refresh(req: ApiRequest, path: string, status: number, refused: string): Promise<void> {
    this.stats.tokenRefreshes += 1;
    try {
      await this.options.tokens.refreshAccessToken(refused);
    } catch (cause) {
      this.options.log.warn({ method: req.method, path, status }, "GoTo token refresh failed");
      throw new GotoUnauthorizedError({
        status,
        code: "refresh_failed",
        message: "GoTo refused the access token and refreshing it failed; the connector must be re-authorised",
        method: req.method,
        path,
        cause,
      });
    }
  }

  private buildUrl(req: ApiRequest): URL {
    if (!req.path.startsWith("/")) throw new TypeError(`request path must start with "/": ${req.path}`);
    const base = req.base === "identity" ? this.options.identityBaseUrl : this.options.apiBaseUrl;
    const url = new URL(base + req.path);
    if (url.origin !== new URL(base).origin) throw new TypeError(`request path leaves the API host: ${req.path}`);
    appendQuery(url.searchParams, req.query);
    return url;
  }

  private async send(req: ApiRequest, url: URL, token: string, attemptNo: number): Promise<Attempt> {
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const responseType = req.responseType ?? "json";
    const headers = new Headers(req.headers);
    if (!headers.has("accept")) headers.set("accept", responseType === "json" ? "application/json" : "*/*");
    const body = encodeBody(req.body, headers);
    headers.set("authorization", `Bearer ${token}`);
    const started = performance.now();
    this.stats.requests += 1;
    let status = 0;
    try {
      const response = await this.options.fetch(url, {
        method: req.method,
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      const ok = response.ok;
      let data: unknown;
      if (ok && responseType === "binary") {
        data = new Uint8Array(await response.arrayBuffer());
      } else {
        const text = await response.text();
        data = ok && responseType === "text" ? text : parseBody(text);
        if (ok && responseType === "json" && data instanceof InvalidJson) {
          return {
            kind: "failure",
            error: new GotoServerError({
              status,
              code: "InvalidResponse",
              message: "GoTo answered with a body that is not JSON",
              method: req.method,
              path: req.path,
            }),
          };
        }
        if (data instanceof InvalidJson) data = data.text;
      }
      return { kind: "response", status, statusText: response.statusText, headers: response.headers, data };
    } catch (cause) {
      return { kind: "failure", error: transportFailure(cause, req, timeoutMs) };
    } finally {
      const event: RequestEvent = {
        method: req.method,
        path: req.path,
        status,
        durationMs: Math.round(performance.now() - started),
        attempt: attemptNo,
      };
      this.options.log.debug(event, "GoTo request");
      try {
        this.options.onRequest?.(event);
        req.onAttempt?.(event);
      } catch (error) {
        this.options.log.warn({ method: req.method, path: req.path, err: error }, "onRequest hook threw");
      }
    }
  }
}

class InvalidJson {
  constructor(readonly text: string) {}
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return parseJsonLossless(text);
  } catch {
    return new InvalidJson(text);
  }
}

function encodeBody(body: RequestBody | undefined, headers: Headers): RequestInit["body"] {
  if (!body) return undefined;
  switch (body.kind) {
    case "json":
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
      return stringifyJson(body.value);
    case "form":
      headers.set("content-type", "application/x-www-form-urlencoded");
      return body.value;
    case "multipart":
      // fetch sets the multipart boundary itself.
      headers.delete("content-type");
      return body.value;
    case "raw":
      if (body.contentType && !headers.has("content-type")) headers.set("content-type", body.contentType);
      return body.value;
  }
}

export function appendQuery(params: URLSearchParams, query: QueryInput | undefined): void {
  if (!query) return;
  if (Array.isArray(query)) {
    for (const [k, v] of query as readonly (readonly [string, string])[]) params.append(k, v);
    return;
  }
  for (const [k, raw] of Object.entries(query as Record<string, QueryValue | readonly QueryValue[]>)) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values as QueryValue[]) {
      if (v === undefined || v === null) continue;
      params.append(k, v instanceof Date ? formatGotoTime(v) : String(v));
    }
  }
}

/** GoTo's ISO 8601 UTC form without milliseconds: 2020-03-13T10:00:00Z. */
export function formatGotoTime(value: Date | string): string {
  if (typeof value === "string") return value;
  if (Number.isNaN(value.getTime())) throw new TypeError("invalid Date");
  return value.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function transportFailure(cause: unknown, req: ApiRequest, timeoutMs: number): GotoApiError {
  const name = cause instanceof Error ? cause.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new GotoTimeoutError({
      status: 0,
      code: "timeout",
      message: `no response from GoTo within ${timeoutMs} ms`,
      method: req.method,
      path: req.path,
      timeoutMs,
      cause,
    });
  }
  const detail = cause instanceof Error ? describeNetworkCause(cause) : String(cause);
  return new GotoNetworkError({
    status: 0,
    code: "network_error",
    message: `network error talking to GoTo: ${detail}`,
    method: req.method,
    path: req.path,
    cause,
  });
}

function describeNetworkCause(error: Error): string {
  const inner = error.cause;
  if (inner instanceof Error) {
    const code = (inner as Error & { code?: string }).code;
    return code ? `${inner.message} (${code})` : inner.message;
  }
  return error.message;
}
