import type { ClientContext } from "../context";
import { GotoApiError, GotoNetworkError, GotoTimeoutError } from "../http/errors";
import { asArray, asRecord, compact, keyOf, optKey, optStr } from "../http/values";
import type { GotoIdentity } from "../types/identity";

/**
 * Who the token belongs to: organizerKey (= userKey), accountKey, e-mail and names. Reads the
 * identity endpoint (`/identity/v1/Users/me`, scope identity:scim.me) and falls back to
 * `/admin/rest/v1/me` when that one is refused or missing.
 */
export async function getIdentity(ctx: Pick<ClientContext, "transport">): Promise<GotoIdentity> {
  try {
    const { data } = await ctx.transport.request({ method: "GET", base: "identity", path: "/identity/v1/Users/me" });
    const identity = mapScimIdentity(data);
    if (identity.organizerKey !== "") return identity;
  } catch (error) {
    // Fall back when this endpoint refuses or lacks the scope; not when the network failed, GoTo
    // is down, or the token could not be refreshed (the admin endpoint would fail the same way).
    const fallback =
      error instanceof GotoApiError &&
      !(error instanceof GotoNetworkError) &&
      !(error instanceof GotoTimeoutError) &&
      error.status < 500 &&
      error.code !== "refresh_failed" &&
      error.code !== "token_unavailable";
    if (!fallback) throw error;
  }
  const { data } = await ctx.transport.request({ method: "GET", base: "identity", path: "/admin/rest/v1/me" });
  return mapAdminIdentity(data);
}

export function mapScimIdentity(value: unknown): GotoIdentity {
  const me = asRecord(value);
  const name = asRecord(me.name);
  const emails = asArray(me.emails).map((e) => optStr(asRecord(e).value));
  const accounts = asArray(me.accounts).map((a) => {
    const account = asRecord(a);
    return compact({ accountKey: keyOf(account.value), name: optStr(account.display) });
  });
  return compact({
    organizerKey: keyOf(me.id),
    accountKey: accounts[0]?.accountKey,
    email: optStr(me.userName) ?? emails.find((e) => e !== undefined),
    firstName: optStr(name.givenName),
    lastName: optStr(name.familyName),
    displayName: optStr(me.displayName),
    accounts,
    source: "identity" as const,
  });
}

export function mapAdminIdentity(value: unknown): GotoIdentity {
  const me = asRecord(value);
  const accounts = asArray(me.accounts).map((a) => {
    const account = asRecord(a);
    return compact({ accountKey: keyOf(account.key), name: optStr(account.name) });
  });
  const firstName = optStr(me.firstName);
  const lastName = optStr(me.lastName);
  return compact({
    organizerKey: keyOf(me.key),
    accountKey: optKey(me.accountKey) ?? accounts[0]?.accountKey,
    email: optStr(me.email),
    firstName,
    lastName,
    displayName: [firstName, lastName].filter(Boolean).join(" ") || undefined,
    accounts,
    source: "admin" as const,
  });
}
