import type { FastifyInstance, FastifyReply } from "fastify";
import type { SimContext } from "../context";
import { sendJson } from "../http/reply";
import { issueAccessToken, issueRefreshToken, s256, tokenResponseBody } from "../state/tokens";
import type { AuthorizationCode, OAuthClient, RefreshToken } from "../state/types";
import { parseBasicAuth } from "./clients";

type Body = Record<string, unknown>;

function field(body: Body, name: string): string | undefined {
  const value = body[name];
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === "string" && single !== "" ? single : undefined;
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  if (status === 401) reply.header("www-authenticate", 'Basic realm="GoTo"');
  return sendJson(reply.header("cache-control", "no-store"), status, { error, error_description: description });
}

/** POST /oauth/token (§2.2): client_secret_basic (documented) or client_secret_post. */
export function registerTokenRoute(app: FastifyInstance, ctx: SimContext): void {
  app.post("/oauth/token", async (request, reply) => {
    const body = (request.body && typeof request.body === "object" ? request.body : {}) as Body;
    const basic = parseBasicAuth(request.headers.authorization);
    if (basic === "malformed") return oauthError(reply, 401, "invalid_client", "malformed Basic credentials");
    const clientId = basic?.id ?? field(body, "client_id");
    const secret = basic?.secret ?? field(body, "client_secret");
    const client = clientId ? ctx.state.clients.get(clientId) : undefined;
    if (!client) return oauthError(reply, 401, "invalid_client", "client not found");
    if (secret !== client.clientSecret) return oauthError(reply, 401, "invalid_client", "client authentication failed");

    const grantType = field(body, "grant_type");
    if (!grantType) return oauthError(reply, 400, "invalid_request", "grant_type is required");
    if (grantType === "authorization_code") return codeGrant(ctx, reply, client, body);
    if (grantType === "refresh_token") return refreshGrant(ctx, reply, client, body);
    return oauthError(reply, 400, "unsupported_grant_type", `grant_type ${grantType} is not supported`);
  });
}

function respond(reply: FastifyReply, body: Record<string, unknown>): FastifyReply {
  return sendJson(reply.header("cache-control", "no-store").header("pragma", "no-cache"), 200, body);
}

function codeGrant(ctx: SimContext, reply: FastifyReply, client: OAuthClient, body: Body): FastifyReply {
  const value = field(body, "code");
  if (!value) return oauthError(reply, 400, "invalid_request", "code is required");
  const code = ctx.state.codes.get(value);
  if (!code || code.clientId !== client.clientId) return oauthError(reply, 400, "invalid_grant", "unknown code");
  if (code.used) {
    // RFC 6749 §4.1.2: a replayed code revokes what it produced.
    revokeIssued(ctx, code);
    return oauthError(reply, 400, "invalid_grant", "code has already been used");
  }
  if (code.expiresAt <= ctx.clock.now()) return oauthError(reply, 400, "invalid_grant", "code has expired");
  const redirectUri = field(body, "redirect_uri");
  if (code.redirectUri !== "" && redirectUri !== code.redirectUri) {
    return oauthError(reply, 400, "invalid_grant", "redirect_uri does not match the authorization request");
  }
  if (code.codeChallenge !== undefined) {
    const verifier = field(body, "code_verifier");
    if (!verifier) return oauthError(reply, 400, "invalid_grant", "code_verifier is required");
    if (s256(verifier) !== code.codeChallenge)
      return oauthError(reply, 400, "invalid_grant", "code_verifier does not match");
  }
  const organizer = ctx.state.organizers.get(code.organizerKey);
  if (!organizer) return oauthError(reply, 400, "invalid_grant", "the user no longer exists");
  code.used = true;
  const access = issueAccessToken(ctx, client, organizer.organizerKey, code.scope);
  const refresh = issueRefreshToken(ctx, client, organizer.organizerKey, code.scope);
  code.issuedAccessTokens.push(access.token);
  code.issuedRefreshTokens.push(refresh.token);
  return respond(reply, tokenResponseBody(ctx, access, refresh, organizer));
}

function revokeIssued(ctx: SimContext, code: AuthorizationCode): void {
  for (const t of code.issuedAccessTokens) {
    const token = ctx.state.accessTokens.get(t);
    if (token) token.revoked = true;
  }
  for (const t of code.issuedRefreshTokens) {
    const token = ctx.state.refreshTokens.get(t);
    if (token) token.revoked = true;
  }
}

/**
 * Refresh per the configured mode (§2.4): "omit" keeps the refresh token and leaves it out of the
 * response; "rotate-on-expiry" swaps it once older than refreshTokenTtlSeconds; "rotate-always"
 * makes every refresh token single-use.
 */
function refreshGrant(ctx: SimContext, reply: FastifyReply, client: OAuthClient, body: Body): FastifyReply {
  const value = field(body, "refresh_token");
  if (!value) return oauthError(reply, 400, "invalid_request", "refresh_token is required");
  const old = ctx.state.refreshTokens.get(value);
  if (!old || old.clientId !== client.clientId || old.revoked) {
    return oauthError(reply, 400, "invalid_grant", "refresh token is invalid or revoked");
  }
  const organizer = ctx.state.organizers.get(old.organizerKey);
  if (!organizer) return oauthError(reply, 400, "invalid_grant", "the user no longer exists");
  const mode = ctx.settings.refreshMode;
  const expired = ctx.clock.now() - old.issuedAt >= ctx.settings.refreshTokenTtlSeconds * 1000;
  let rotated: RefreshToken | undefined;
  if (mode === "rotate-always" || (mode === "rotate-on-expiry" && expired)) {
    old.revoked = true;
    rotated = issueRefreshToken(ctx, client, organizer.organizerKey, old.scope);
  }
  const access = issueAccessToken(ctx, client, organizer.organizerKey, old.scope);
  return respond(reply, tokenResponseBody(ctx, access, rotated, organizer));
}
