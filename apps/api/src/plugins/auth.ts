import cookie from "@fastify/cookie";
import { DomainError } from "@gw/domain";
import { authenticateApiToken } from "@gw/domain/api-tokens";
import { csrfTokenFor, findSession } from "@gw/domain/auth";
import type { FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { App } from "../app";
import type { ApiDeps } from "../deps";
import { bearerTokenOf, checkApiTokenAccess, registerApiTokenRoutes } from "./api-token-access";
import { registerCsrf } from "./csrf";
import { sendError } from "./error-body";
import { clearSessionCookie, SESSION_COOKIE } from "./session";

/** Who is calling: set from the session cookie before any route runs; null when not logged in. */
export interface AuthContext {
  userId: string;
  accountId: string;
  role: "ADMIN" | "MARKETER";
  /** Runs the installation (the shared queue dashboard); never for an API token. */
  operator: boolean;
  /** Empty for API tokens. */
  sessionId: string;
  /**
   * How the caller proved who they are: the session cookie (which a browser attaches by itself,
   * so CSRF applies) or another system's API token in `Authorization` (no session, no CSRF, scoped).
   */
  via: "session" | "token";
  /** The API token's scopes; none for a session. */
  scopes: readonly ("read" | "write")[];
}

export type AuthPreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** `"admin"`: only an ADMIN of the account; set for every route whose preHandler is `requireAdmin`. */
    access?: "admin";
  }
  interface FastifyInstance {
    /** preHandler: 401 unless logged in. */
    requireAuth: AuthPreHandler;
    /** preHandler: 401 unless logged in, 403 unless an ADMIN. */
    requireAdmin: AuthPreHandler;
  }
}

const csrfSecrets = new WeakMap<FastifyRequest, string>();

const notLoggedIn = () => new DomainError("UNAUTHORIZED", "Log in first: this needs a session (POST /api/auth/login).");

/** The caller of a route guarded by `requireAuth`; throws 401 when there is none. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw notLoggedIn();
  return request.auth;
}

/** The CSRF token of the caller's session, for clients to echo in `x-csrf-token`. */
export function csrfTokenOf(request: FastifyRequest, sessionSecret: string): string {
  const secret = csrfSecrets.get(request);
  if (!secret) throw notLoggedIn();
  return csrfTokenFor(sessionSecret, secret);
}

/**
 * Sessions, `request.auth`, `requireAuth` / `requireAdmin` and CSRF protection, on the root app
 * (not encapsulated) so every route module sees them. Register before the routes.
 */
export async function registerAuth(app: App, deps: Pick<ApiDeps, "db" | "config">) {
  await app.register(cookie);
  app.decorateRequest("auth", null);

  const requireAuth: AuthPreHandler = async (request) => {
    authOf(request);
  };
  const requireAdmin: AuthPreHandler = async (request) => {
    const refusal = adminRefusal(authOf(request));
    if (refusal) throw refusal;
  };
  // Admin-only routes are known from their guard, so the route table (and its tests) lists them,
  // and the role is checked before the body is validated: a marketer learns nothing from a 400.
  app.addHook("onRoute", (route) => {
    if (hooksOf(route).includes(requireAdmin)) route.config = { ...route.config, access: "admin" };
  });

  app.addHook("onRequest", async (request, reply) => {
    // Another system's API token: no cookie session is looked at and no CSRF token is needed
    // (a cross-site page cannot make the browser send this header).
    const bearer = bearerTokenOf(request);
    if (bearer !== undefined) {
      const context = bearer ? await authenticateApiToken({ db: deps.db, token: bearer }) : null;
      if (!context)
        throw new DomainError(
          "UNAUTHORIZED",
          "The API token in the Authorization header is unknown or revoked: create one under Settings > API tokens.",
        );
      request.auth = {
        userId: context.createdById ?? context.tokenId,
        accountId: context.accountId,
        // A token acts as a marketer at most: admin-only routes need a logged-in admin.
        role: "MARKETER",
        operator: false,
        sessionId: "",
        via: "token",
        scopes: context.scopes,
      };
      checkApiTokenAccess(request, context.scopes);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSession({ db: deps.db, token });
      if (session) {
        request.auth = {
          userId: session.userId,
          accountId: session.accountId,
          role: session.role,
          operator: session.operator,
          sessionId: session.sessionId,
          via: "session",
          scopes: [],
        };
        csrfSecrets.set(request, session.csrfSecret);
      } else {
        clearSessionCookie(reply, deps.config.http.secureCookies);
      }
    }
  });

  registerCsrf(app, {
    sessionSecret: deps.config.secrets.sessionSecret,
    publicUrl: deps.config.http.publicUrl,
    csrfSecretOf: (request) => csrfSecrets.get(request),
  });

  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.config?.access !== "admin") return;
    if (!request.auth) return sendError(request, reply, 401, notLoggedIn().message);
    const refusal = adminRefusal(request.auth);
    if (refusal) return sendError(request, reply, 403, refusal.message);
  });

  app.decorate("requireAuth", requireAuth);
  app.decorate("requireAdmin", requireAdmin);
  registerApiTokenRoutes(app);
}

function adminRefusal(auth: AuthContext): DomainError | null {
  if (auth.via === "token")
    return new DomainError("FORBIDDEN", "API tokens cannot do this: an admin must be logged in.");
  if (auth.role !== "ADMIN") return new DomainError("FORBIDDEN", "Only an admin of this account may do this.");
  return null;
}

function hooksOf(route: RouteOptions): unknown[] {
  return [route.onRequest, route.preValidation, route.preHandler].flat().filter(Boolean);
}
