import type { TokenSource } from "../types/options";
import { GotoOAuthError } from "./errors";
import type { GotoTokenSet } from "./token-set";

export interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: Date;
}

export interface RefreshingTokenSourceOptions {
  /** The tokens as last stored. */
  initial: StoredTokens;
  /** Usually `oauth.refresh`. */
  refresh(refreshToken: string): Promise<GotoTokenSet>;
  /** Persist the new tokens (encrypted) before they are used. The old refresh token is kept when GoTo sent none. */
  onTokens?(tokens: StoredTokens): Promise<void> | void;
  /** Refresh this long before expiry. Default 60 s. */
  refreshSkewMs?: number;
  now?: () => number;
}

/**
 * An in-process TokenSource: refreshes ahead of expiry and when GoTo refuses the token, one
 * refresh at a time. Processes sharing a connector should serialise refreshes themselves
 * (GoTo may rotate refresh tokens and invalidate the old one).
 */
export function createRefreshingTokenSource(options: RefreshingTokenSourceOptions): TokenSource {
  let current: StoredTokens = { ...options.initial };
  let inFlight: Promise<string> | null = null;
  const now = options.now ?? Date.now;
  const skew = options.refreshSkewMs ?? 60_000;

  const refreshAccessToken = (): Promise<string> => {
    inFlight ??= (async () => {
      if (!current.refreshToken) throw new GotoOAuthError("invalid_grant", "no refresh token stored; re-authorise");
      const set = await options.refresh(current.refreshToken);
      const next: StoredTokens = {
        accessToken: set.accessToken,
        refreshToken: set.refreshToken ?? current.refreshToken,
        expiresAt: set.expiresAt,
      };
      await options.onTokens?.(next);
      current = next;
      return next.accessToken;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return {
    async getAccessToken() {
      if (inFlight) return inFlight;
      if (current.refreshToken && current.expiresAt.getTime() - skew <= now()) return refreshAccessToken();
      return current.accessToken;
    },
    refreshAccessToken,
  };
}

/** A fixed token that cannot be refreshed (scripts, tests, personal access tokens). */
export function staticTokenSource(accessToken: string): TokenSource {
  return {
    getAccessToken: async () => accessToken,
    refreshAccessToken: async () => {
      throw new GotoOAuthError("invalid_grant", "this token source cannot refresh");
    },
  };
}
