import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { API_TOKEN_VIEW_SELECT, type ApiTokenView, toApiTokenView } from "./api-token-view";

/** Revokes a token at once; revoking it again changes nothing. */
export async function revokeApiToken(options: {
  db: Pick<Db, "apiToken">;
  accountId: string;
  tokenId: string;
}): Promise<ApiTokenView> {
  const { db, accountId, tokenId } = options;
  await db.apiToken.updateMany({ where: { id: tokenId, accountId, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db.apiToken.findFirst({ where: { id: tokenId, accountId }, select: API_TOKEN_VIEW_SELECT });
  if (!row) throw notFound("API token", tokenId);
  return toApiTokenView(row);
}
