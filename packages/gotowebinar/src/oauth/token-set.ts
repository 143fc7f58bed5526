import { asRecord, optKey, optNum, optStr } from "../http/values";

/** What a successful code exchange or refresh yields. */
export interface GotoTokenSet {
  accessToken: string;
  /**
   * Present only when GoTo issued one (always on a code exchange; on a refresh only when it
   * rotated it). When absent, keep using the refresh token you have.
   */
  refreshToken?: string;
  expiresAt: Date;
  scope?: string;
  /** The user's e-mail (GoTo's `principal`). */
  principal?: string;
  /** Legacy token fields, read when GoTo still sends them; otherwise call getIdentity(). */
  organizerKey?: string;
  accountKey?: string;
}

const DEFAULT_EXPIRES_IN_SECONDS = 3600;

export function toTokenSet(response: unknown, now: number = Date.now()): GotoTokenSet {
  const r = asRecord(response);
  const expiresIn = optNum(r.expires_in) ?? DEFAULT_EXPIRES_IN_SECONDS;
  const set: GotoTokenSet = { accessToken: optStr(r.access_token) ?? "", expiresAt: new Date(now + expiresIn * 1000) };
  const refreshToken = optStr(r.refresh_token);
  if (refreshToken) set.refreshToken = refreshToken;
  const scope = optStr(r.scope);
  if (scope) set.scope = scope;
  const principal = optStr(r.principal) ?? optStr(r.email);
  if (principal) set.principal = principal;
  const organizerKey = optKey(r.organizer_key);
  if (organizerKey) set.organizerKey = organizerKey;
  const accountKey = optKey(r.account_key);
  if (accountKey) set.accountKey = accountKey;
  return set;
}
