/**
 * OAuth failures. `code` is the RFC 6749 error GoTo sent (access_denied, invalid_grant,
 * invalid_client, invalid_request, invalid_scope, unauthorized_client, server_error, ...) or one
 * of ours: state_mismatch, missing_code, invalid_response, network_error, timeout, insecure_url.
 * Messages never contain the client secret, a code or a token.
 */
export type GotoOAuthErrorCode =
  | "access_denied"
  | "invalid_grant"
  | "invalid_client"
  | "invalid_request"
  | "invalid_scope"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "server_error"
  | "temporarily_unavailable"
  | "state_mismatch"
  | "missing_code"
  | "invalid_response"
  | "network_error"
  | "timeout"
  | "insecure_url"
  | (string & {});

export class GotoOAuthError extends Error {
  readonly code: GotoOAuthErrorCode;
  /** HTTP status of the token endpoint's answer, when there was one. */
  readonly status: number | undefined;

  constructor(code: GotoOAuthErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "GotoOAuthError";
    this.code = code;
    this.status = options.status;
  }
}
