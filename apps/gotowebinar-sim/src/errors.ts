import { randomUUID } from "node:crypto";
import { type JsonNumber, stringify } from "./json/lossless";

/**
 * An error the REST API answers with `{"errorCode","description","incident"}` (the legacy G2W
 * error shape; the spec documents no bodies). `body` replaces that shape where the sim promises
 * an exact body, e.g. the duplicate-registrant 409.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorCode: string,
    readonly description: string,
    readonly body?: Record<string, string | number | boolean | JsonNumber>,
    readonly headers?: Record<string, string>,
  ) {
    super(description);
    this.name = "ApiError";
  }

  toJson(): string {
    return stringify(this.body ?? { errorCode: this.errorCode, description: this.description, incident: randomUUID() });
  }
}

export function badRequest(description: string): ApiError {
  return new ApiError(400, "InvalidRequest", description);
}

export function notFound(description: string): ApiError {
  return new ApiError(404, "NotFound", description);
}

export function forbidden(description: string): ApiError {
  return new ApiError(403, "AccessDenied", description);
}

export function conflict(errorCode: string, description: string): ApiError {
  return new ApiError(409, errorCode, description);
}

/** The exact body GoTo's API gateway sends for a missing, bad, expired or revoked token. */
export const INVALID_TOKEN_BODY = '{"int_err_code":"InvalidToken","msg":"Invalid token passed"}';
export const INVALID_TOKEN_HEADERS = { "x-amzn-errortype": "UnauthorizedException" } as const;
