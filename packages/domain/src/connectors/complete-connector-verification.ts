import { type Db, Prisma } from "@gw/db";
import {
  createGotoClient,
  type GotoIdentity,
  GotoOAuthError,
  type GotoTokenSet,
  staticTokenSource,
} from "@gw/gotowebinar";
import type { SecretBox } from "../security/index";
import type { ConnectorConfig } from "./connector-config";
import { createConnectorOAuth } from "./create-connector-oauth";
import { hashOAuthState } from "./start-connector-verification";
import { VerificationFailure } from "./verification-failure";

export interface CompleteConnectorVerificationOptions {
  db: Db;
  config: Pick<ConnectorConfig, "http" | "goto">;
  secretBox: SecretBox;
  /** The URL GoTo sent the browser back to (path and query at least). */
  callbackUrl: string;
  /** The session of the browser that came back; null when it is not logged in. */
  sessionId: string | null;
  /** Who the new token belongs to; default: GoTo's identity endpoint. */
  identify?: (accessToken: string) => Promise<GotoIdentity>;
  now?: Date;
}

/**
 * The OAuth callback: checks the state (known, unused, unexpired, this session's), exchanges the
 * code, reads the organizer, and stores the tokens sealed, marking the connector VERIFIED with
 * discovery (and, the first time, the backfill) due at once. Every refusal throws a
 * `VerificationFailure` with a short reason and leaves the connector as it was.
 */
export async function completeConnectorVerification(
  options: CompleteConnectorVerificationOptions,
): Promise<{ connectorId: string }> {
  const { db, secretBox, config } = options;
  const now = options.now ?? new Date();
  const callback = new URL(options.callbackUrl, config.http.publicUrl);
  const stateValue = callback.searchParams.get("state");
  if (!stateValue)
    throw new VerificationFailure(
      "missing_state",
      "GoTo's answer carries no state, so it cannot be matched to a verification. Click Verify again.",
    );

  const state = await db.oAuthState.findUnique({ where: { stateHash: hashOAuthState(stateValue) } });
  if (!state)
    throw new VerificationFailure(
      "invalid_state",
      "This verification link is not one we issued (unknown or altered state). Click Verify again.",
    );
  // Claimed before anything else, so a replayed callback can never exchange a code twice.
  const claimed = await db.oAuthState.updateMany({ where: { id: state.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count === 0) {
    throw new VerificationFailure(
      "state_used",
      "This verification was already completed or abandoned; its link works once. Click Verify again.",
      state.connectorId,
    );
  }
  if (state.expiresAt <= now) {
    throw new VerificationFailure(
      "state_expired",
      "The verification took longer than 10 minutes and expired. Click Verify again.",
      state.connectorId,
    );
  }
  if (!options.sessionId || state.sessionId !== options.sessionId) {
    throw new VerificationFailure(
      "session_mismatch",
      "This verification was started in another login session. Log in and click Verify again from this browser.",
      state.connectorId,
    );
  }
  const connector = await db.connector.findFirst({
    where: { id: state.connectorId, deletedAt: null },
    select: {
      id: true,
      accountId: true,
      organizerKey: true,
      organizerEmail: true,
      verifiedAt: true,
      oauthClientId: true,
      oauthClientSecretEnc: true,
    },
  });
  if (!connector) throw new VerificationFailure("connector_gone", "The connector being verified no longer exists.");

  const error = callback.searchParams.get("error");
  if (error) {
    throw error === "access_denied"
      ? new VerificationFailure(
          "access_denied",
          "Access was denied at GoTo, so the connector was not verified.",
          connector.id,
        )
      : new VerificationFailure(
          "authorization_failed",
          `GoTo did not authorize the connector: ${callback.searchParams.get("error_description") ?? error}.`,
          connector.id,
        );
  }

  let tokens: GotoTokenSet;
  try {
    const oauth = createConnectorOAuth({ config, secretBox, connector });
    tokens = await oauth.exchangeCode({
      callbackUrl: callback,
      expectedState: stateValue,
      codeVerifier: secretBox.decrypt(state.codeVerifierEnc),
    });
  } catch (cause) {
    if (cause instanceof GotoOAuthError && cause.code === "invalid_grant") {
      throw new VerificationFailure(
        "code_rejected",
        "GoTo did not accept the authorization code (already used or expired). Click Verify again.",
        connector.id,
        { cause },
      );
    }
    if (cause instanceof VerificationFailure) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new VerificationFailure(
      "authorization_failed",
      `Could not complete the sign-in with GoTo: ${detail}`,
      connector.id,
      { cause },
    );
  }

  let identity: GotoIdentity;
  try {
    identity = await (options.identify ?? defaultIdentify(config))(tokens.accessToken);
  } catch (cause) {
    throw new VerificationFailure(
      "identity_failed",
      "GoTo did not say which organizer signed in; try Verify again.",
      connector.id,
      { cause },
    );
  }
  const organizerKey = identity.organizerKey || tokens.organizerKey;
  if (!organizerKey)
    throw new VerificationFailure(
      "identity_failed",
      "GoTo did not say which organizer signed in; try Verify again.",
      connector.id,
    );
  const email = identity.email ?? tokens.principal ?? null;

  if (connector.organizerKey && connector.organizerKey !== organizerKey) {
    throw new VerificationFailure(
      "organizer_changed",
      `This connector belongs to the organizer ${connector.organizerEmail ?? connector.organizerKey}, but ${email ?? organizerKey} signed in. Sign in as that organizer, or add a new connector.`,
      connector.id,
    );
  }
  const other = await db.connector.findFirst({
    where: { accountId: connector.accountId, organizerKey, id: { not: connector.id } },
    select: { id: true, name: true, deletedAt: true },
  });
  if (other && !other.deletedAt) {
    throw new VerificationFailure(
      "organizer_taken",
      `The organizer ${email ?? organizerKey} is already connected by the connector "${other.name}"; an account has one connector per organizer.`,
      connector.id,
    );
  }

  const names = [identity.firstName, identity.lastName].filter(Boolean).join(" ") || identity.displayName || null;
  try {
    await db.$transaction(async (tx) => {
      if (other) {
        // A deleted connector of the same organizer: its webinars (and through them the
        // registrations and activities) come back under this connector.
        await tx.webinar.updateMany({ where: { connectorId: other.id }, data: { connectorId: connector.id } });
        await tx.syncRun.updateMany({ where: { connectorId: other.id }, data: { connectorId: connector.id } });
        await tx.connector.delete({ where: { id: other.id } });
      }
      await tx.connector.update({
        where: { id: connector.id },
        data: {
          status: "VERIFIED",
          organizerKey,
          gotoAccountKey: identity.accountKey ?? tokens.accountKey ?? null,
          organizerEmail: email,
          organizerName: names,
          accessTokenEnc: secretBox.encrypt(tokens.accessToken),
          refreshTokenEnc: tokens.refreshToken ? secretBox.encrypt(tokens.refreshToken) : null,
          accessTokenExpiresAt: tokens.expiresAt,
          verifiedAt: now,
          lastError: null,
          lastErrorAt: null,
          nextDiscoveryAt: now,
          ...(connector.verifiedAt ? {} : { backfillDueAt: now }),
        },
      });
    });
  } catch (cause) {
    if (cause instanceof Prisma.PrismaClientKnownRequestError && cause.code === "P2002") {
      throw new VerificationFailure(
        "organizer_taken",
        `The organizer ${email ?? organizerKey} is already connected by another connector of this account.`,
        connector.id,
        { cause },
      );
    }
    throw cause;
  }
  return { connectorId: connector.id };
}

function defaultIdentify(config: Pick<ConnectorConfig, "goto">) {
  return (accessToken: string) =>
    createGotoClient({
      apiBaseUrl: config.goto.apiUrl,
      identityBaseUrl: config.goto.identityUrl,
      tokens: staticTokenSource(accessToken),
    }).getIdentity();
}
