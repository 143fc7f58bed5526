import cookie from "@fastify/cookie";
import { DomainError } from "@gw/domain";
import { authenticateApiToken } from "@gw/domain/api-tokens";
import { csrfTokenFor, findSession } from "@gw/domain/auth";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../app";
import type { ApiDeps } from "../deps";
import { bearerTokenOf, checkApiTokenAccess, registerApiTokenRoutes } from "./api-token-access";
import { checkCsrf } from "./csrf";
import { clearSessionCookie, SESSION_COOKIE } from "./session";

/** Who is calling: set from the session cookie before any route runs; null when not logged in. */
export interface AuthContext {
  userId: string;
  accountId: string;
  role: "ADMIN" | "MARKETER";
  /** Empty for API tokens. */
  sessionId: string;
  /** A browser session, or another system's API token (no session, no CSRF, scoped). */
  via: "session" | "token";
  /** The API token's scopes; none for a session. */
  scopes: readonly ("read" | "write")[];
}

export type AuthPreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
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
        sessionId: "",
        via: "token",
        scopes: context.scopes,
      };
      checkApiTokenAccess(request, context.scopes);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    let csrfSecret: string | undefined;
    if (token) {
      const session = await findSession({ db: deps.db, token });
      if (session) {
        request.auth = {
          userId: session.userId,
          accountId: session.accountId,
          role: session.role,
          sessionId: session.sessionId,
          via: "session",
          scopes: [],
        };
        csrfSecret = session.csrfSecret;
        csrfSecrets.set(request, csrfSecret);
      } else {
        clearSessionCookie(reply, deps.config.http.secureCookies);
      }
    }
    checkCsrf(request, deps.config.secrets.sessionSecret, csrfSecret);
  });

  app.decorate("requireAuth", async (request: FastifyRequest) => {
    authOf(request);
  });
  app.decorate("requireAdmin", async (request: FastifyRequest) => {
    const auth = authOf(request);
    if (auth.via === "token")
      throw new DomainError("FORBIDDEN", "API tokens cannot do this: an admin must be logged in.");
    if (auth.role !== "ADMIN") throw new DomainError("FORBIDDEN", "Only an admin of this account may do this.");
  });
  registerApiTokenRoutes(app);
}
