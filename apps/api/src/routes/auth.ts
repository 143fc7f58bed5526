import rateLimit from "@fastify/rate-limit";
import { endSession, getCurrentUser, logIn } from "@gw/domain/auth";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf, csrfTokenOf } from "../plugins/auth";
import { clearSessionCookie, setSessionCookie } from "../plugins/session";
import { currentUser, errorBody, loginBody } from "./auth-schemas";

/** Login attempts allowed per client IP and e-mail in one window. */
export const LOGIN_ATTEMPTS = 10;
const LOGIN_WINDOW = "15 minutes";

class TooManyLogins extends Error {
  readonly statusCode = 429;
}

/** Login, logout, the current user and the CSRF token. */
export const authRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const secure = deps.config.http.secureCookies;
    const sessionSecret = deps.config.secrets.sessionSecret;

    // Counted in Redis so every API process shares the budget; a Redis outage lets logins through
    // rather than locking everyone out.
    await app.register(rateLimit, {
      global: false,
      redis: deps.redis,
      nameSpace: `${deps.config.redis.prefix}:login-rate:`,
      skipOnError: true,
    });

    app.post(
      "/api/auth/login",
      {
        config: {
          // No session token exists before login: JSON from our own origin only (login CSRF).
          csrf: "same-origin",
          rateLimit: {
            max: LOGIN_ATTEMPTS,
            timeWindow: LOGIN_WINDOW,
            hook: "preHandler",
            keyGenerator: (request) => {
              const email = (request.body as { email?: unknown } | undefined)?.email;
              return `${request.ip}|${typeof email === "string" ? email.trim().toLowerCase() : ""}`;
            },
            errorResponseBuilder: (_request, context) =>
              new TooManyLogins(
                `Too many login attempts for this e-mail from your address; try again in ${context.after}.`,
              ),
          },
        },
        schema: {
          tags: ["auth"],
          summary: "Log in with e-mail and password; sets the gw_session cookie",
          body: loginBody,
          response: {
            200: currentUser,
            400: errorBody,
            401: errorBody,
            403: errorBody,
            415: errorBody,
            429: errorBody,
          },
        },
      },
      async (request, reply) => {
        const result = await logIn({
          db: deps.db,
          sessionSecret,
          email: request.body.email,
          password: request.body.password,
        });
        setSessionCookie(reply, result.token, result.expiresAt, secure);
        request.log.info({ userId: result.user.id, accountId: result.user.accountId }, "user logged in");
        return {
          user: {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            role: result.user.role,
            operator: result.user.operator,
          },
          account: result.account,
          csrfToken: result.csrfToken,
        };
      },
    );

    app.post(
      "/api/auth/logout",
      { schema: { tags: ["auth"], summary: "End the current session", response: { 204: z.null(), 403: errorBody } } },
      async (request, reply) => {
        if (request.auth) await endSession({ db: deps.db, sessionId: request.auth.sessionId });
        clearSessionCookie(reply, secure);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/auth/me",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["auth"],
          summary: "The logged-in user, their account and the CSRF token",
          security: [{ session: [] }],
          response: { 200: currentUser, 401: errorBody },
        },
      },
      async (request) => {
        const auth = authOf(request);
        const user = await getCurrentUser({ db: deps.db, userId: auth.userId });
        return {
          user: { id: user.id, email: user.email, name: user.name, role: user.role, operator: user.isOperator },
          account: user.account,
          csrfToken: csrfTokenOf(request, sessionSecret),
        };
      },
    );

    app.get(
      "/api/auth/csrf",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["auth"],
          summary: "The CSRF token to send in x-csrf-token",
          security: [{ session: [] }],
          response: { 200: z.object({ csrfToken: z.string() }), 401: errorBody },
        },
      },
      async (request) => {
        return { csrfToken: csrfTokenOf(request, sessionSecret) };
      },
    );
  };
