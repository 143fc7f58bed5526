import { asRecord, isRecord, optKey, optStr } from "./values";

export interface GotoApiErrorInit {
  status: number;
  /** GoTo's error code (`errorCode`, `int_err_code`, `error`) or ours when GoTo sent none. */
  code: string;
  /** GoTo's own message text (or ours when GoTo sent none). */
  message: string;
  method: string;
  /** Request path without query string; never contains credentials. */
  path: string;
  /** Parsed error body, for callers that need a field of it (kept out of enumerable props/logs). */
  body?: unknown;
  cause?: unknown;
}

/**
 * Base of every error the client throws for a failed API call. Carries no token, no
 * Authorization header and no request body, so it is safe to log as is.
 */
export class GotoApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly method: string;
  readonly path: string;
  declare readonly body: unknown;

  constructor(init: GotoApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
    Object.defineProperty(this, "body", { value: init.body, enumerable: false });
  }
}

/** 400: GoTo's `description` explains which input it refused. */
export class GotoValidationError extends GotoApiError {
  get description(): string {
    return this.message;
  }
}
/** 401, or 403 `InvalidToken`, still failing after one token refresh. */
export class GotoUnauthorizedError extends GotoApiError {}
export class GotoForbiddenError extends GotoApiError {}
export class GotoNotFoundError extends GotoApiError {}
export class GotoConflictError extends GotoApiError {
  /** GoTo's existing registrant key on a duplicate registration, when the body carries one. */
  get registrantKey(): string | undefined {
    return optKey(asRecord(this.body).registrantKey);
  }
}
export class GotoRateLimitedError extends GotoApiError {
  readonly retryAfterMs: number | undefined;
  constructor(init: GotoApiErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}
export class GotoServerError extends GotoApiError {}
/** Connection refused, reset or dropped before a response arrived. status is 0. */
export class GotoNetworkError extends GotoApiError {}
/** No response within the request timeout. status is 0. */
export class GotoTimeoutError extends GotoApiError {
  readonly timeoutMs: number;
  constructor(init: GotoApiErrorInit & { timeoutMs: number }) {
    super(init);
    this.timeoutMs = init.timeoutMs;
  }
}

/** A caller passed an input the client refuses before any request (e.g. page size above 200). */
export class GotoInputError extends Error {
  readonly code = "invalid_input";
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = "GotoInputError";
    this.field = field;
  }
}

const DEFAULT_CODES: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  429: "TooManyRequests",
};

/** True when GoTo says the token is bad: 401 anywhere, or 403 with `int_err_code: InvalidToken`. */
export function isInvalidTokenResponse(status: number, body: unknown): boolean {
  if (status === 401) return true;
  if (status !== 403) return false;
  const record = asRecord(body);
  return record.int_err_code === "InvalidToken" || record.errorCode === "InvalidToken";
}

export interface ErrorFromResponseInit {
  status: number;
  statusText?: string;
  body: unknown;
  method: string;
  path: string;
  retryAfterMs?: number;
}

export function errorFromResponse(init: ErrorFromResponseInit): GotoApiError {
  const record = isRecord(init.body) ? init.body : {};
  const code =
    optStr(record.errorCode) ??
    optStr(record.int_err_code) ??
    optStr(record.error) ??
    DEFAULT_CODES[init.status] ??
    (init.status >= 500 ? "ServerError" : `Http${init.status}`);
  const message =
    optStr(record.description) ??
    optStr(record.message) ??
    optStr(record.msg) ??
    optStr(record.error_description) ??
    (typeof init.body === "string" && init.body.length > 0 && init.body.length < 500 ? init.body : undefined) ??
    (init.statusText || `HTTP ${init.status}`);
  const base: GotoApiErrorInit = {
    status: init.status,
    code,
    message,
    method: init.method,
    path: init.path,
    body: init.body,
  };
  if (isInvalidTokenResponse(init.status, init.body)) return new GotoUnauthorizedError(base);
  switch (init.status) {
    case 400:
      return new GotoValidationError(base);
    case 403:
      return new GotoForbiddenError(base);
    case 404:
      return new GotoNotFoundError(base);
    case 409:
      return new GotoConflictError(base);
    case 429:
      return new GotoRateLimitedError({ ...base, retryAfterMs: init.retryAfterMs });
    default:
      return init.status >= 500 ? new GotoServerError(base) : new GotoApiError(base);
  }
}
