import type { GotoKey } from "./common";

export interface GotoIdentity {
  /** userKey = organizerKey */
  organizerKey: GotoKey;
  accountKey?: GotoKey;
  email?: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  accounts: { accountKey: GotoKey; name?: string }[];
  /** Which endpoint answered: /identity/v1/Users/me or /admin/rest/v1/me. */
  source: "identity" | "admin";
}
