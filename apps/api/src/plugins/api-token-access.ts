import { DomainError } from "@gw/domain";
import type { ApiTokenScope } from "@gw/domain/api-tokens";
import type { FastifyRequest, RouteOptions } from "fastify";
import type { App } from "../app";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Which API-token scope an `/api` route needs: `read` for GET and HEAD, `write` otherwise,
     * unless set; `false` for routes only a logged-in user may call (sessions, tokens, admin-only).
     */
    apiToken?: ApiTokenScope | false;
  }
}

/** Sessions, tokens themselves and the operator's views are for logged-in users only. */
const SESSION_ONLY = /^\/api\/(auth|ops|tokens)(\/|$)/;

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The bearer token of an `/api` request; undefined when none was sent, "" when malformed. */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  // The matched route, not the raw URL: `/%61pi/lists` is an /api route too.
  if (!(request.routeOptions.url ?? request.url).startsWith("/api/")) return undefined;
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

function scopeOf(method: string | string[], config: { apiToken?: ApiTokenScope | false } | undefined) {
  if (config?.apiToken !== undefined) return config.apiToken;
  const methods = Array.isArray(method) ? method : [method];
  return methods.every((m) => READ_METHODS.has(m.toUpperCase())) ? "read" : "write";
}

/** 403 unless the matched route takes API tokens and the token has the scope it needs. */
export function checkApiTokenAccess(request: FastifyRequest, scopes: readonly ApiTokenScope[]): void {
  if (!request.routeOptions.url) return; // no such route: the 404 says so
  const needed = scopeOf(request.method, request.routeOptions.config);
  if (needed === false)
    throw new DomainError("FORBIDDEN", "API tokens cannot use this route: it needs a logged-in user.");
  if (!scopes.includes(needed))
    throw new DomainError(
      "FORBIDDEN",
      `This API token lacks the "${needed}" scope this route needs; create a token with it under Settings > API tokens.`,
    );
}

const usesPreHandler = (route: RouteOptions, handler: unknown) =>
  Array.isArray(route.preHandler) ? route.preHandler.includes(handler as never) : route.preHandler === handler;

/**
 * Every `/api` route says in OpenAPI what it accepts: a session, and an API token with the scope
 * it needs unless it is for logged-in users only. Admin-only routes are marked session-only here,
 * so the documentation and the check agree. Register before the routes.
 */
export function registerApiTokenRoutes(app: App) {
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    if (SESSION_ONLY.test(route.url) || usesPreHandler(route, app.requireAdmin))
      route.config = { ...route.config, apiToken: false };
    const scope = scopeOf(route.method, route.config);
    if (!route.schema) return;
    const schema = route.schema as Record<string, unknown>;
    if (scope === false) schema.security ??= [{ session: [] }];
    else schema.security = [{ session: [] }, { apiToken: [scope] }];
  });
}
