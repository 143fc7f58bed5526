import { csrfTokenMatches } from "@gw/domain/auth";
import type { FastifyRequest } from "fastify";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * CSRF protection of a state-changing `/api` route: on by default. `"json-only"` (login) skips
     * the session token but still refuses bodies a cross-site HTML form could send; `false` skips
     * both (routes outside `/api` — hosted forms, webhooks — are never checked).
     */
    csrf?: boolean | "json-only";
  }
}

class CsrfError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Synchronizer-token check. A request carrying a session must echo the session's token (from login,
 * `GET /api/auth/me` or `GET /api/auth/csrf`) in `x-csrf-token`. A request without a session has no
 * ambient authority to abuse, but it must be JSON, which a cross-site form cannot send (login CSRF).
 */
export function checkCsrf(request: FastifyRequest, sessionSecret: string, csrfSecret: string | undefined): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (!request.url.startsWith("/api/")) return;
  const mode = request.routeOptions.config?.csrf ?? true;
  if (mode === false) return;
  if (csrfSecret !== undefined && mode === true) {
    const sent = request.headers[CSRF_HEADER];
    if (!csrfTokenMatches(sessionSecret, csrfSecret, typeof sent === "string" ? sent : undefined)) {
      throw new CsrfError(
        403,
        sent
          ? `The ${CSRF_HEADER} header does not match this session; fetch a fresh token from GET /api/auth/csrf.`
          : `Missing ${CSRF_HEADER} header: send the token from GET /api/auth/csrf with every change.`,
      );
    }
    return;
  }
  const length = Number(request.headers["content-length"] ?? 0);
  const hasBody = length > 0 || request.headers["transfer-encoding"] !== undefined;
  const type = String(request.headers["content-type"] ?? "").toLowerCase();
  if (hasBody && !type.startsWith("application/json")) {
    throw new CsrfError(415, "Send this request as application/json.");
  }
}
