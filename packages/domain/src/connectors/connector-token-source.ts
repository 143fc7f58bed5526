import { type Db, type PgQueryDb, pgQuery } from "@gw/db";
import { type GotoLogger, type GotoOAuth, GotoOAuthError, type TokenSource } from "@gw/gotowebinar";
import { DomainError, notFound } from "../errors/index";
import type { SecretBox } from "../security/index";
import { withConnectorLock } from "./with-connector-lock";

/** Refresh when less than this is left, so no request goes out with a token about to lapse. */
export const REFRESH_AHEAD_MS = 2 * 60_000;

/** OAuth answers that no retry will mend: a person must verify the connector again. */
const NEEDS_REAUTHORIZATION = new Set([
  "invalid_grant",
  "invalid_client",
  "unauthorized_client",
  "invalid_scope",
  "access_denied",
]);

/** What this process holds of a connector's access token (the refresh token stays in the row). */
interface HeldAccessToken {
  /** The sealed value as stored, to tell whether another process has replaced it. */
  sealed: string;
  accessToken: string;
  expiresAt: Date;
}

export interface ConnectorTokenSourceOptions {
  db: Pick<Db, "connector"> & PgQueryDb;
  /** The lock that serialises refreshes across processes lives on a connection of its own. */
  databaseUrl: string;
  secretBox: SecretBox;
  connectorId: string;
  /** The row's sealed access token and its expiry, as the caller read them. */
  initial: { accessTokenEnc: string; accessTokenExpiresAt: Date | null };
  /** Built lazily: the OAuth client needs the row's own client settings. */
  oauth: (connector: { oauthClientId: string | null; oauthClientSecretEnc: string | null }) => GotoOAuth;
  log?: GotoLogger;
  now?: () => Date;
}

/**
 * The one way a connector's GoTo tokens are renewed. Every process may hold a connector's access
 * token; renewing it happens under a per-connector Postgres advisory lock, and whoever gets the
 * lock second adopts the token the first one stored instead of spending the refresh token again
 * (GoTo may rotate refresh tokens and revoke the old one). A rotated refresh token is stored with
 * the new access token. Within the process, callers that need a new token at the same time share
 * one renewal.
 *
 * A refused refresh (revoked consent) puts the connector in ERROR with the reason and throws
 * UNAUTHORIZED; a transient failure throws a retryable UPSTREAM.
 */
export function createConnectorTokenSource(options: ConnectorTokenSourceOptions): TokenSource {
  const now = options.now ?? (() => new Date());
  let held: HeldAccessToken = {
    sealed: options.initial.accessTokenEnc,
    accessToken: options.secretBox.decrypt(options.initial.accessTokenEnc),
    expiresAt: options.initial.accessTokenExpiresAt ?? new Date(0),
  };
  let renewing: Promise<string> | null = null;
  const renew = (): Promise<string> => {
    renewing ??= renewUnderLock(options, held, now)
      .then((next) => {
        held = next;
        return next.accessToken;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  };
  const fresh = () => held.expiresAt.getTime() - REFRESH_AHEAD_MS > now().getTime();

  return {
    async getAccessToken() {
      if (renewing) return renewing;
      return fresh() ? held.accessToken : renew();
    },
    async refreshAccessToken(refused) {
      if (renewing) return renewing;
      // Renewed meanwhile by another caller of this process: that token has not been refused.
      if (refused !== held.accessToken) return held.accessToken;
      // GoTo refused it, whatever its expiry says: it must not be adopted again.
      held = { ...held, expiresAt: new Date(0) };
      return renew();
    },
  };
}

async function renewUnderLock(
  options: ConnectorTokenSourceOptions,
  held: HeldAccessToken,
  now: () => Date,
): Promise<HeldAccessToken> {
  const { db, secretBox, connectorId } = options;
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
    // Another process renewed it while we waited for the lock: adopt its token.
    if (
      row.accessTokenEnc &&
      row.accessTokenExpiresAt &&
      row.accessTokenEnc !== held.sealed &&
      row.accessTokenExpiresAt.getTime() - REFRESH_AHEAD_MS > now().getTime()
    ) {
      return {
        sealed: row.accessTokenEnc,
        accessToken: secretBox.decrypt(row.accessTokenEnc),
        expiresAt: row.accessTokenExpiresAt,
      };
    }

    const refreshToken = secretBox.decrypt(row.refreshTokenEnc);
    let tokens: Awaited<ReturnType<GotoOAuth["refresh"]>>;
    try {
      tokens = await options.oauth(row).refresh(refreshToken);
    } catch (cause) {
      if (cause instanceof GotoOAuthError && NEEDS_REAUTHORIZATION.has(cause.code)) {
        const reason = `GoTo refused to renew access (${cause.code}): ${cause.message}. Verify the connector again to reconnect.`;
        // Only if nobody re-verified meanwhile (that would have stored another refresh token); the
        // connector.failed event is written by the same statement, so exactly one process tells.
        await markTokensRevoked(db, { connectorId, refreshTokenEnc: row.refreshTokenEnc, reason, at: now() });
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

/**
 * Puts the connector in ERROR only if nobody re-verified meanwhile (that would have stored
 * another refresh token); the connector.failed event is written by the same statement, so
 * exactly one process tells.
 */
async function markTokensRevoked(
  db: PgQueryDb,
  revoked: { connectorId: string; refreshTokenEnc: string; reason: string; at: Date },
): Promise<void> {
  await pgQuery(
    db,
    `WITH u AS (
       UPDATE "Connector" SET "status" = 'ERROR', "lastError" = $3, "lastErrorAt" = $4, "updatedAt" = now()
       WHERE "id" = $1::uuid AND "refreshTokenEnc" = $2 AND "status" <> 'ERROR'
       RETURNING "id", "accountId", "name"
     )
     INSERT INTO "ChangeEvent" ("accountId", "type", "data", "occurredAt")
     SELECT u."accountId", 'connector.failed',
       jsonb_build_object('connectorId', u."id", 'connectorName', u."name", 'reason', 'tokens_revoked', 'message', $3::text), $4
     FROM u`,
    [revoked.connectorId, revoked.refreshTokenEnc, revoked.reason, revoked.at],
  );
}
