import { csrfTokenMatches } from "@gw/domain/auth";
import type { FastifyRequest } from "fastify";
import type { App } from "../app";
import { sendError } from "./error-body";

export const CSRF_HEADER = "x-csrf-token";
/** Where axios (the queue dashboard's client) echoes the `XSRF-TOKEN` cookie by itself. */
export const XSRF_HEADER = "x-xsrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * How a state-changing route is protected against cross-site requests (route `config.csrf`):
 * - `true` (the default, for every route that does not say otherwise): a request carrying a
 *   session must echo the session's token in `x-csrf-token`; one without a session must be JSON.
 * - `"same-origin"` (login): no session token exists yet, so the request must be JSON and must not
 *   come from another site (`Origin` / `Sec-Fetch-Site`).
 * - `false`: open to any site; only for routes that prove themselves otherwise (hosted forms,
 *   signed webhooks). Every such route is listed in the route-walking test.
 */
export type CsrfMode = boolean | "same-origin";

declare module "fastify" {
  interface FastifyContextConfig {
    csrf?: CsrfMode;
  }
}

/** The matched route's protection; null when no route matched (the 404 handler answers). */
export function csrfModeOf(request: FastifyRequest): CsrfMode | null {
  if (request.routeOptions.url === undefined) return null;
  return request.routeOptions.config?.csrf ?? true;
}

/**
 * A request authenticated by something a browser does not attach on its own (an API token in
 * `Authorization`, once the token step sets `auth.via = "token"`) cannot be forged cross-site.
 */
export function isCsrfExempt(request: FastifyRequest): boolean {
  return request.auth?.via === "token";
}

export interface CsrfOptions {
  sessionSecret: string;
  /** PUBLIC_URL: a request from this origin is same-origin even behind a proxy that rewrites Host. */
  publicUrl: string;
  /** The session's CSRF secret, when the request carries a live session. */
  csrfSecretOf(request: FastifyRequest): string | undefined;
}

/**
 * CSRF protection decided on the route Fastify matched, never on the raw URL: however a path is
 * spelled (`/%61pi/lists`), it is checked as the route it reaches. Register after the session is
 * resolved. Answers the refusal itself so plugins with their own error handler (bull-board) do
 * not turn it into a 500.
 */
export function registerCsrf(app: App, options: CsrfOptions) {
  const ownOrigin = new URL(options.publicUrl).origin;
  app.addHook("onRequest", async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    const mode = csrfModeOf(request);
    if (mode === null || mode === false || isCsrfExempt(request)) return;
    const refusal = mode === "same-origin" ? crossSiteRefusal(request, ownOrigin) : tokenRefusal(request, options);
    if (refusal) return sendError(request, reply, refusal.statusCode, refusal.message);
  });
}

interface Refusal {
  statusCode: number;
  message: string;
}

function tokenRefusal(request: FastifyRequest, options: CsrfOptions): Refusal | null {
  const csrfSecret = options.csrfSecretOf(request);
  if (csrfSecret === undefined) return nonJsonRefusal(request);
  const header = request.headers[CSRF_HEADER] ?? request.headers[XSRF_HEADER];
  const sent = typeof header === "string" ? header : undefined;
  if (csrfTokenMatches(options.sessionSecret, csrfSecret, sent)) return null;
  return {
    statusCode: 403,
    message: sent
      ? `The ${CSRF_HEADER} header does not match this session; fetch a fresh token from GET /api/auth/csrf.`
      : `Missing ${CSRF_HEADER} header: send the token from GET /api/auth/csrf with every change.`,
  };
}

/** A request without a session has no ambient authority to abuse, but it must be JSON, which a cross-site form cannot send. */
function nonJsonRefusal(request: FastifyRequest): Refusal | null {
  const length = Number(request.headers["content-length"] ?? 0);
  const hasBody = length > 0 || request.headers["transfer-encoding"] !== undefined;
  if (hasBody && !isJson(request)) return { statusCode: 415, message: "Send this request as application/json." };
  return null;
}

/**
 * Browsers say where a request comes from: `Sec-Fetch-Site` (all current browsers) and `Origin`
 * (every non-GET request). A client that sends neither is not a browser, so not a CSRF vector.
 */
function crossSiteRefusal(request: FastifyRequest, ownOrigin: string): Refusal | null {
  const site = request.headers["sec-fetch-site"];
  const origin = request.headers.origin;
  const crossSite =
    (typeof site === "string" && site !== "same-origin" && site !== "none") ||
    (typeof origin === "string" && !isOwnOrigin(origin, ownOrigin, request.headers.host));
  if (crossSite)
    return { statusCode: 403, message: "Cross-site request refused: log in from this application's own page." };
  // JSON even without a body: an HTML form cannot send it.
  if (!isJson(request)) return { statusCode: 415, message: "Send this request as application/json." };
  return null;
}

const isJson = (request: FastifyRequest) =>
  /^application\/json\s*(;|$)/.test(String(request.headers["content-type"] ?? "").toLowerCase());

/** Same origin as PUBLIC_URL, or as the Host the browser addressed (which a page on another site cannot set). */
function isOwnOrigin(origin: string, ownOrigin: string, host: string | undefined): boolean {
  if (origin === ownOrigin) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) and garbage are not us
  }
}
