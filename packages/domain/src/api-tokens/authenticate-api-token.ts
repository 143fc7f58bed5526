import type { Db } from "@gw/db";
import { hashApiToken } from "./api-token-secret";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "./api-token-view";

export interface ApiTokenContext {
  tokenId: string;
  accountId: string;
  /** The admin who made it; null once that user is gone. */
  createdById: string | null;
  scopes: ApiTokenScope[];
}

/** Writing last-used on every request would cost a write per read; once a minute says enough. */
const TOUCH_EVERY_MS = 60_000;

/** The live token a bearer value names (its last-used time touched); null when unknown or revoked. */
export async function authenticateApiToken(options: {
  db: Pick<Db, "apiToken">;
  token: string;
  now?: Date;
}): Promise<ApiTokenContext | null> {
  const now = options.now ?? new Date();
  const row = await options.db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(options.token) },
    select: { id: true, accountId: true, createdById: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await options.db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    tokenId: row.id,
    accountId: row.accountId,
    createdById: row.createdById,
    scopes: row.scopes.filter((s): s is ApiTokenScope => (API_TOKEN_SCOPES as readonly string[]).includes(s)),
  };
}
