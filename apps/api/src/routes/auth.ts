import { csrfTokenResponse, currentUser, errorBody, loginBody, noContent } from "@gw/api-contract";
import { endSession, getCurrentUser, logIn, normalizeEmail } from "@gw/domain/auth";
import type { ApiDeps } from "../deps";
import { authOf, csrfTokenOf } from "../plugins/auth";
import { createLoginThrottle, LOGIN_LIMITS, TooManyLogins } from "../plugins/login-throttle";
import { clearSessionCookie, setSessionCookie } from "../plugins/session";
import { accountPlugin } from "./account-routes";

/** Login attempts allowed per client IP and e-mail in one window. */
export const LOGIN_ATTEMPTS = LOGIN_LIMITS.ipAndEmail;

/**
 * Login, logout, the current user and the CSRF token. Login and logout stay plain routes: they
 * set and clear the session cookie, and run without a session (no account to scope them to).
 */
export const authRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["auth"], errors: { 401: errorBody }, check: "route" }, (route, app) => {
    const secure = deps.config.http.secureCookies;
    const sessionSecret = deps.config.secrets.sessionSecret;

    const throttle = createLoginThrottle(deps.redis, deps.config.redis.prefix);

    app.post(
      "/api/auth/login",
      {
        config: {
          // No session token exists before login: JSON from our own origin only (login CSRF).
          csrf: "same-origin",
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
        const email = normalizeEmail(request.body.email);
        try {
          await throttle.attempt(request.ip, email);
        } catch (error) {
          if (error instanceof TooManyLogins) reply.header("retry-after", String(error.retryAfterSeconds));
          throw error;
        }
        const result = await logIn({ db: deps.db, sessionSecret, email, password: request.body.password });
        await throttle.succeeded(request.ip, email);
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
      { schema: { tags: ["auth"], summary: "End the current session", response: { 204: noContent, 403: errorBody } } },
      async (request, reply) => {
        if (request.auth) await endSession({ db: deps.db, sessionId: request.auth.sessionId });
        clearSessionCookie(reply, secure);
        return reply.status(204).send(null);
      },
    );

    route.get(
      "/api/auth/me",
      {
        summary: "The logged-in user, their account and the CSRF token",
        reply: currentUser,
      },
      async ({ request }) => {
        const user = await getCurrentUser({ db: deps.db, userId: authOf(request).userId });
        return {
          user: { id: user.id, email: user.email, name: user.name, role: user.role, operator: user.isOperator },
          account: user.account,
          csrfToken: csrfTokenOf(request, sessionSecret),
        };
      },
    );

    route.get(
      "/api/auth/csrf",
      {
        summary: "The CSRF token to send in x-csrf-token",
        reply: csrfTokenResponse,
      },
      async ({ request }) => ({ csrfToken: csrfTokenOf(request, sessionSecret) }),
    );
  });
