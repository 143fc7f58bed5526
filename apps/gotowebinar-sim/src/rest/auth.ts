import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SimContext } from "../context";
import { forbidden } from "../errors";
import type { AuthInfo } from "../http/augment";
import { pathOf, sendInvalidToken } from "../http/hooks";
import { sendJson } from "../http/reply";
import type { RateLimiter } from "../rate-limit";
import { tokenFromHeader, validAccessToken } from "../state/tokens";

/**
 * Every API host checks the token first and then the client's rate limit; a request that fails
 * the token check is not attributable to a client, so it does not spend the bucket.
 */
export function registerTokenAuth(scope: FastifyInstance, ctx: SimContext, limiter: RateLimiter): void {
  scope.addHook("onRequest", async (request, reply) => {
    const token = validAccessToken(ctx, tokenFromHeader(request.headers.authorization));
    const organizer = token ? ctx.state.organizers.get(token.organizerKey) : undefined;
    const client = token ? ctx.state.clients.get(token.clientId) : undefined;
    if (!token || !organizer || !client) return sendInvalidToken(reply, pathOf(request.url));
    request.simAuth = { token, organizer, client };
    if (!limiter.take(client.clientId)) {
      request.simRateLimited = true;
      return sendJson(reply, 429, { errorCode: "TooManyRequests" });
    }
  });
}

export function authOf(request: FastifyRequest): AuthInfo {
  if (!request.simAuth) throw new Error("route registered outside the token-checked scope");
  return request.simAuth;
}

/** A token sees only its own organizer's data. */
export function asOrganizer(request: FastifyRequest, organizerKey: string): AuthInfo {
  const auth = authOf(request);
  if (auth.organizer.organizerKey !== organizerKey) {
    throw forbidden(`The access token does not belong to organizer ${organizerKey}`);
  }
  return auth;
}
