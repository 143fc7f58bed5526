/** A sync or connector error as a marketer reads it: what happened, and what to do about it. */
export interface PlainError {
  /** What happened, in plain words ("GoTo refused the connection: the organizer revoked access."). */
  message: string;
  /** What to do next ("Verify again."). */
  action: string;
  /** Whether verifying the connector again is the fix (the UI then offers the Verify button). */
  reverify: boolean;
}

interface Rule {
  test: RegExp;
  explain: (raw: string) => PlainError;
}

const fixed = (message: string, action: string, reverify: boolean) => (): PlainError => ({ message, action, reverify });

const VERIFY_AGAIN = "Verify again.";
const RETRIED = "Nothing to do: the sync tries again by itself.";

// The stored texts are the error's class name and message (`GotoNetworkError: …`, `DomainError:
// GoTo refused to renew access (invalid_grant): …`); OAuth codes are RFC 6749's. The first rule
// that matches wins, so the specific ones come before the generic ones.
const RULES: Rule[] = [
  {
    test: /\binvalid_grant\b/,
    explain: fixed("GoTo refused the connection: the organizer revoked access.", VERIFY_AGAIN, true),
  },
  {
    test: /\b(invalid_client|unauthorized_client)\b/,
    explain: fixed(
      "GoTo refused this service's OAuth client: its id or secret is wrong, or the client was deleted.",
      "Check the connector's OAuth client (or the service's GOTO_CLIENT_ID and GOTO_CLIENT_SECRET), then verify again.",
      true,
    ),
  },
  {
    test: /\binvalid_scope\b/,
    explain: fixed(
      "GoTo refused the permissions the service asks for.",
      "Give the OAuth client the GoTo Webinar and identity scopes, then verify again.",
      true,
    ),
  },
  {
    test: /\baccess_denied\b/,
    explain: fixed("The organizer declined access on GoTo's consent page.", "Verify again and allow access.", true),
  },
  {
    test: /GotoUnauthorizedError|\bInvalidToken\b|^UNAUTHORIZED\b/,
    explain: fixed("GoTo no longer accepts this connector's sign-in.", VERIFY_AGAIN, true),
  },
  {
    test: /The connector is (unverified|disabled)/i,
    explain: (raw) => ({
      message: `The connector is ${/disabled/i.test(raw) ? "disabled, so nothing syncs" : "not verified yet"}.`,
      action: /disabled/i.test(raw) ? "Enable it on the Connectors page." : "Verify it.",
      reverify: !/disabled/i.test(raw),
    }),
  },
  {
    test: /GotoForbiddenError/,
    explain: fixed(
      "GoTo refused the request: the organizer's account does not allow it (plan or permissions).",
      "Check the organizer's GoTo Webinar plan and role; verify again if it changed.",
      true,
    ),
  },
  {
    test: /GotoRateLimitedError/,
    explain: fixed("GoTo asked the service to slow down (too many requests).", RETRIED, false),
  },
  {
    test: /GotoNetworkError|GotoTimeoutError|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|fetch failed/,
    explain: fixed(
      "GoTo Webinar could not be reached.",
      `${RETRIED} If it persists, check that the service can reach GoTo.`,
      false,
    ),
  },
  {
    test: /GotoServerError/,
    explain: fixed("GoTo Webinar had a problem answering.", RETRIED, false),
  },
  {
    test: /GotoNotFoundError/,
    explain: fixed(
      "GoTo no longer has this webinar or organizer.",
      "Nothing to do if it was deleted in GoTo; otherwise verify the connector again.",
      false,
    ),
  },
  {
    test: /Could not renew the GoTo access token/,
    explain: fixed("The service could not renew its access to GoTo for now.", RETRIED, false),
  },
];

/**
 * Turns a stored error (a connector's lastError, a sync run's error) into plain words with the
 * action to take; null for no error. Unknown errors keep their own text, without the class name,
 * so nothing is hidden from the admin.
 */
export function explainSyncError(raw: string | null | undefined): PlainError | null {
  if (!raw) return null;
  for (const rule of RULES) if (rule.test.test(raw)) return rule.explain(raw);
  const text = raw.replace(/^\w*Error:\s*/, "").trim();
  return {
    message: `The sync failed: ${text.endsWith(".") ? text : `${text}.`}`,
    action: "If it keeps failing, verify the connector again.",
    reverify: false,
  };
}
