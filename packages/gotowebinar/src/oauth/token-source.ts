import type { TokenSource } from "../types/options";
import { GotoOAuthError } from "./errors";

/** A fixed token that cannot be refreshed (scripts, tests, personal access tokens). */
export function staticTokenSource(accessToken: string): TokenSource {
  return {
    getAccessToken: async () => accessToken,
    refreshAccessToken: async () => {
      throw new GotoOAuthError("invalid_grant", "this token source cannot refresh");
    },
  };
}
