import * as oidc from "openid-client";
import { checkBaseUrl, trimBase } from "../http/secure-url";
import { asRecord, optStr } from "../http/values";
import { GotoOAuthError } from "./errors";
import { losslessTokenFetch } from "./lossless-token-fetch";
import { type GotoTokenSet, toTokenSet } from "./token-set";

export const DEFAULT_AUTH_BASE_URL = "https://authentication.logmeininc.com";

export interface GotoOAuthOptions {
  /** Authorization server; /oauth/authorize and /oauth/token live under it. */
  authBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  /** Must equal a redirect URI registered on the GoTo OAuth client. */
  redirectUri: string;
  /** Omit to get every scope assigned to the OAuth client (e.g. ["identity:scim.me", "collab:"]). */
  scopes?: readonly string[] | string;
  /** Token endpoint timeout. Default 30 s. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export interface AuthorizationRequest {
  /** Send the browser here. */
  url: string;
  /** Keep state and codeVerifier server-side (e.g. in the session) until the callback. */
  state: string;
  codeVerifier: string;
}

export interface ExchangeCodeOptions {
  /** The URL GoTo redirected the browser to (absolute, or path + query relative to redirectUri). */
  callbackUrl: string | URL;
  expectedState: string;
  codeVerifier: string;
}

export interface GotoOAuth {
  createAuthorizationRequest(): Promise<AuthorizationRequest>;
  exchangeCode(options: ExchangeCodeOptions): Promise<GotoTokenSet>;
  refresh(refreshToken: string): Promise<GotoTokenSet>;
}

/**
 * GoTo's OAuth 2.0 authorization-code flow (state + PKCE S256, client_secret_basic) over
 * openid-client. The endpoints are fixed, so no discovery request is made.
 */
export function createGotoOAuth(options: GotoOAuthOptions): GotoOAuth {
  const checked = checkBaseUrl(options.authBaseUrl ?? DEFAULT_AUTH_BASE_URL);
  if (!checked.ok) throw new GotoOAuthError("insecure_url", `authBaseUrl: ${checked.reason}`);
  if (!options.clientId || !options.clientSecret) {
    throw new GotoOAuthError("invalid_client", "clientId and clientSecret are required");
  }
  const redirectUri = new URL(options.redirectUri).toString();
  const base = trimBase(checked.url);
  const config = new oidc.Configuration(
    { issuer: base, authorization_endpoint: `${base}/oauth/authorize`, token_endpoint: `${base}/oauth/token` },
    options.clientId,
    { client_secret: options.clientSecret, redirect_uris: [redirectUri] },
    oidc.ClientSecretBasic(options.clientSecret),
  );
  if (checked.insecureLoopback) oidc.allowInsecureRequests(config);
  config[oidc.customFetch] = losslessTokenFetch(options.fetch ?? globalThis.fetch) as oidc.CustomFetch;
  config.timeout = Math.ceil((options.timeoutMs ?? 30_000) / 1000);
  const scope = Array.isArray(options.scopes) ? options.scopes.join(" ") : (options.scopes as string | undefined);

  return {
    async createAuthorizationRequest() {
      const state = oidc.randomState();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const parameters: Record<string, string> = {
        response_type: "code",
        redirect_uri: redirectUri,
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
      };
      if (scope) parameters.scope = scope;
      return { url: oidc.buildAuthorizationUrl(config, parameters).toString(), state, codeVerifier };
    },

    async exchangeCode({ callbackUrl, expectedState, codeVerifier }) {
      const callback = new URL(callbackUrl, redirectUri);
      const params = callback.searchParams;
      const error = params.get("error");
      if (error) {
        throw new GotoOAuthError(error, params.get("error_description") ?? `GoTo authorization failed: ${error}`);
      }
      if (!expectedState || params.get("state") !== expectedState) {
        throw new GotoOAuthError("state_mismatch", "the callback's state does not match the authorization request");
      }
      if (!params.get("code")) throw new GotoOAuthError("missing_code", "the callback carries no authorization code");
      // The token request must repeat the registered redirect_uri exactly, whatever host the
      // callback reached us through; `iss` is dropped because GoTo's issuer differs from its host.
      const current = new URL(redirectUri);
      for (const [name, value] of params) if (name !== "iss") current.searchParams.set(name, value);
      try {
        const response = await oidc.authorizationCodeGrant(config, current, {
          expectedState,
          pkceCodeVerifier: codeVerifier,
        });
        return toTokenSet(response);
      } catch (cause) {
        throw await toOAuthError(cause, "code exchange");
      }
    },

    async refresh(refreshToken) {
      if (!refreshToken) throw new GotoOAuthError("invalid_grant", "no refresh token to refresh with");
      try {
        return toTokenSet(await oidc.refreshTokenGrant(config, refreshToken));
      } catch (cause) {
        throw await toOAuthError(cause, "token refresh");
      }
    },
  };
}

async function toOAuthError(cause: unknown, what: string): Promise<GotoOAuthError> {
  if (cause instanceof GotoOAuthError) return cause;
  if (cause instanceof oidc.ResponseBodyError) {
    return new GotoOAuthError(cause.error, `${what} refused: ${cause.error_description ?? cause.error}`, {
      status: cause.status,
      cause,
    });
  }
  if (cause instanceof oidc.WWWAuthenticateChallengeError) {
    // GoTo answers a bad client with 401 + `WWW-Authenticate: Basic` and an RFC 6749 body.
    let body: unknown;
    try {
      body = await cause.response.json();
    } catch {
      body = undefined;
    }
    const record = asRecord(body);
    const code = optStr(record.error) ?? (cause.status === 401 ? "invalid_client" : "invalid_request");
    return new GotoOAuthError(code, `${what} refused: ${optStr(record.error_description) ?? code}`, {
      status: cause.status,
      cause,
    });
  }
  if (cause instanceof oidc.AuthorizationResponseError) {
    return new GotoOAuthError(cause.error, `${what} refused: ${cause.error_description ?? cause.error}`, { cause });
  }
  const name = cause instanceof Error ? cause.name : "";
  const inner = cause instanceof Error ? cause.cause : undefined;
  if (name === "TimeoutError" || name === "AbortError" || (inner instanceof Error && inner.name === "TimeoutError")) {
    return new GotoOAuthError("timeout", `${what}: GoTo's token endpoint did not answer in time`, { cause });
  }
  if (cause instanceof TypeError || (inner instanceof TypeError && /fetch/i.test(inner.message))) {
    return new GotoOAuthError("network_error", `${what}: could not reach GoTo's token endpoint`, { cause });
  }
  // No `cause` here: openid-client's processing errors can hold the whole token response body.
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new GotoOAuthError("invalid_response", `${what}: GoTo's token endpoint answered unexpectedly (${detail})`);
}
