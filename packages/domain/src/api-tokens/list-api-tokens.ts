import type { Db } from "@gw/db";
import { API_TOKEN_VIEW_SELECT, type ApiTokenView, toApiTokenView } from "./api-token-view";

/** The account's tokens, newest first, revoked ones included (for the record). */
export async function listApiTokens(options: { db: Pick<Db, "apiToken">; accountId: string }): Promise<ApiTokenView[]> {
  const rows = await options.db.apiToken.findMany({
    where: { accountId: options.accountId },
    orderBy: { createdAt: "desc" },
    select: API_TOKEN_VIEW_SELECT,
  });
  return rows.map(toApiTokenView);
}
