import { createHash, randomBytes } from "node:crypto";
import type { SimContext } from "../context";
import type { AccessToken, OAuthClient, Organizer, RefreshToken } from "./types";

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/** Shaped like GoTo's JWT-looking tokens ("eyJ…"); the sim only ever looks them up, never verifies them. */
function newAccessTokenValue(clientId: string, organizerKey: string, expiresAt: number): string {
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      sub: organizerKey,
      cid: clientId,
      exp: Math.floor(expiresAt / 1000),
      jti: randomBytes(8).toString("hex"),
    }),
  );
  return `${header}.${payload}.${randomBytes(32).toString("base64url")}`;
}

export function newOpaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export function issueAccessToken(
  ctx: SimContext,
  client: OAuthClient,
  organizerKey: string,
  scope: string,
): AccessToken {
  const expiresAt = ctx.clock.now() + ctx.settings.accessTokenTtlSeconds * 1000;
  const token: AccessToken = {
    token: newAccessTokenValue(client.clientId, organizerKey, expiresAt),
    clientId: client.clientId,
    organizerKey,
    scope,
    expiresAt,
    revoked: false,
  };
  ctx.state.accessTokens.set(token.token, token);
  return token;
}

export function issueRefreshToken(
  ctx: SimContext,
  client: OAuthClient,
  organizerKey: string,
  scope: string,
): RefreshToken {
  const token: RefreshToken = {
    token: newOpaqueToken(48),
    clientId: client.clientId,
    organizerKey,
    scope,
    issuedAt: ctx.clock.now(),
    revoked: false,
  };
  ctx.state.refreshTokens.set(token.token, token);
  return token;
}

/** The token if it is known, unrevoked and unexpired by the sim clock. */
export function validAccessToken(ctx: SimContext, value: string | undefined): AccessToken | undefined {
  if (!value) return undefined;
  const token = ctx.state.accessTokens.get(value);
  if (!token || token.revoked || token.expiresAt <= ctx.clock.now()) return undefined;
  return token;
}

export function tokenResponseBody(
  ctx: SimContext,
  access: AccessToken,
  refresh: RefreshToken | undefined,
  organizer: Organizer,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    access_token: access.token,
    token_type: "Bearer",
    refresh_token: refresh?.token,
    expires_in: Math.max(0, Math.round((access.expiresAt - ctx.clock.now()) / 1000)),
    scope: access.scope,
    principal: organizer.email,
  };
  if (ctx.settings.includeKeysInTokenResponse) {
    body.organizer_key = organizer.organizerKey;
    body.account_key = organizer.accountKey;
  }
  return body;
}

/** Bearer (documented) or the legacy `OAuth oauth_token=…` form. */
export function tokenFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const legacy = /^OAuth\s+oauth_token="?([^\s"]+)"?\s*$/i.exec(header);
  return legacy?.[1];
}
