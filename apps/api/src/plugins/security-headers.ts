import helmet from "@fastify/helmet";
import type { FastifyRequest, RouteOptions } from "fastify";
import type { App } from "../app";

type Directives = Record<string, string[]>;

// Every page of ours may only be framed by nobody (clickjacking), talks only to its own origin and
// runs no inline script. The admin UI's bundle needs nothing more, nor does the queue dashboard
// (bull-board: inline style attributes only; its page is served without the Google Fonts link).
const BASE: Directives = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "frame-src": ["'self'"], // the form editor previews its hosted form
  "frame-ancestors": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "object-src": ["'none'"],
};

/** Per path prefix: who may frame and what the page loads (first match wins; the rest get BASE). */
const SURFACES: { prefix: string; helmet: NonNullable<RouteOptions["helmet"]> }[] = [
  // Hosted forms are embedded in customers' sites: no frame guard, and they send their own strict
  // CSP (views: no script at all, no frame-ancestors so any site may embed them).
  { prefix: "/f/", helmet: { frameguard: false, contentSecurityPolicy: false } },
  // Swagger UI: its validator badge.
  {
    prefix: "/docs",
    helmet: {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { ...BASE, "img-src": ["'self'", "data:", "https://validator.swagger.io"] },
      },
    },
  },
];

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

/** The matched route or, for a 404 (or the UI's catch-all), the path as decoded: `/%61pi/x` is the API too. */
function isApiRequest(request: FastifyRequest): boolean {
  if (request.routeOptions.url !== undefined && isApi(request.routeOptions.url)) return true;
  const path = request.url.split("?")[0] ?? "/";
  try {
    return isApi(decodeURIComponent(path));
  } catch {
    return isApi(path);
  }
}

/**
 * Security headers on every answer, through @fastify/helmet: nosniff, a CSP with
 * `frame-ancestors 'none'` (and X-Frame-Options DENY) on the UI, /docs and /admin/queues, HSTS
 * when PUBLIC_URL is https. API answers are never cached (they carry tenants' data). Register
 * before any route: the per-surface settings are attached as routes are added.
 */
export async function registerSecurityHeaders(app: App, options: { https: boolean }) {
  app.addHook("onRoute", (route: RouteOptions) => {
    const surface = SURFACES.find((s) => route.url.startsWith(s.prefix));
    // @fastify/helmet's own onRoute hook (registered after this one) turns it into route config.
    if (surface && route.helmet === undefined) route.helmet = surface.helmet;
  });
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: BASE },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    // One year; a self-hosted instance behind plain http (PUBLIC_URL http://...) sends none.
    hsts: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook("onRequest", async (request, reply) => {
    if (isApiRequest(request)) reply.header("cache-control", "no-store");
  });
}
