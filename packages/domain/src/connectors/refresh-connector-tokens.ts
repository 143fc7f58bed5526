import type { Db } from "@gw/db";
import { type GotoLogger, type GotoOAuth, GotoOAuthError } from "@gw/gotowebinar";
import { DomainError, notFound } from "../errors/index";
import type { SecretBox } from "../security/index";
import { withConnectorLock } from "./with-connector-lock";

/** What one process holds of a connector's access token (the refresh token stays in the row). */
export interface HeldAccessToken {
  /** The sealed value as stored, to tell whether another process has replaced it. */
  sealed: string;
  accessToken: string;
  expiresAt: Date;
}

/** OAuth answers that no retry will mend: a person must verify the connector again. */
const NEEDS_REAUTHORIZATION = new Set([
  "invalid_grant",
  "invalid_client",
  "unauthorized_client",
  "invalid_scope",
  "access_denied",
]);

export interface RefreshConnectorTokensOptions {
  db: Pick<Db, "connector">;
  databaseUrl: string;
  secretBox: SecretBox;
  connectorId: string;
  /** Built lazily: the OAuth client needs the row's own client settings. */
  oauth: (connector: { oauthClientId: string | null; oauthClientSecretEnc: string | null }) => GotoOAuth;
  /** The access token this process was using (refused, or about to expire). */
  held: HeldAccessToken | null;
  /** A stored token with less than this left is refreshed rather than adopted. */
  skewMs: number;
  log?: GotoLogger;
  now?: () => number;
}

/**
 * Renews a connector's access token under its lock. When another process renewed it meanwhile,
 * its token is adopted instead. A refused refresh (revoked consent) puts the connector in ERROR
 * with the reason and throws UNAUTHORIZED; a transient failure throws a retryable UPSTREAM.
 */
export async function refreshConnectorTokens(options: RefreshConnectorTokensOptions): Promise<HeldAccessToken> {
  const { db, secretBox, connectorId } = options;
  const now = options.now ?? Date.now;
  return withConnectorLock({ databaseUrl: options.databaseUrl, connectorId }, async () => {
    const row = await db.connector.findUnique({
      where: { id: connectorId },
      select: {
        status: true,
        lastError: true,
        accessTokenEnc: true,
        refreshTokenEnc: true,
        accessTokenExpiresAt: true,
        oauthClientId: true,
        oauthClientSecretEnc: true,
      },
    });
    if (!row) throw notFound("Connector", connectorId);
    if (row.status !== "VERIFIED" || !row.refreshTokenEnc) {
      throw new DomainError(
        "UNAUTHORIZED",
        row.status === "ERROR" && row.lastError
          ? row.lastError
          : `The connector is ${row.status.toLowerCase()}; verify it to reconnect GoTo Webinar.`,
      );
    }
    const stored = row.accessTokenEnc && row.accessTokenExpiresAt;
    if (
      stored &&
      row.accessTokenEnc !== options.held?.sealed &&
      row.accessTokenExpiresAt!.getTime() - options.skewMs > now()
    ) {
      return {
        sealed: row.accessTokenEnc!,
        accessToken: secretBox.decrypt(row.accessTokenEnc!),
        expiresAt: row.accessTokenExpiresAt!,
      };
    }

    const refreshToken = secretBox.decrypt(row.refreshTokenEnc);
    let tokens: Awaited<ReturnType<GotoOAuth["refresh"]>>;
    try {
      tokens = await options.oauth(row).refresh(refreshToken);
    } catch (cause) {
      if (cause instanceof GotoOAuthError && NEEDS_REAUTHORIZATION.has(cause.code)) {
        const reason = `GoTo refused to renew access (${cause.code}): ${cause.message}. Verify the connector again to reconnect.`;
        // Only if nobody re-verified meanwhile (that would have stored another refresh token).
        await db.connector.updateMany({
          where: { id: connectorId, refreshTokenEnc: row.refreshTokenEnc },
          data: { status: "ERROR", lastError: reason, lastErrorAt: new Date(now()) },
        });
        options.log?.warn({ connectorId, code: cause.code }, "GoTo refused the refresh token; connector put in ERROR");
        throw new DomainError("UNAUTHORIZED", reason, {}, { cause });
      }
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new DomainError(
        "UPSTREAM",
        `Could not renew the GoTo access token: ${detail}`,
        { retryable: true },
        { cause },
      );
    }

    const sealed = secretBox.encrypt(tokens.accessToken);
    // A rotated refresh token replaces the old one; otherwise the old one is kept, re-sealed only
    // when it was sealed with a key that has since been rotated out of first place.
    const refreshTokenEnc = tokens.refreshToken
      ? secretBox.encrypt(tokens.refreshToken)
      : secretBox.keyIdOf(row.refreshTokenEnc) !== secretBox.currentKeyId
        ? secretBox.encrypt(refreshToken)
        : undefined;
    const saved = await db.connector.updateMany({
      where: { id: connectorId, refreshTokenEnc: row.refreshTokenEnc },
      data: {
        accessTokenEnc: sealed,
        accessTokenExpiresAt: tokens.expiresAt,
        ...(refreshTokenEnc ? { refreshTokenEnc } : {}),
      },
    });
    options.log?.info(
      { connectorId, rotated: Boolean(tokens.refreshToken), saved: saved.count === 1 },
      "renewed GoTo access token",
    );
    return { sealed, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
  });
}
