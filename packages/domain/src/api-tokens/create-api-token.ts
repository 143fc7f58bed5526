import type { Db } from "@gw/db";
import { invalid } from "../errors/index";
import { hashApiToken, newApiToken } from "./api-token-secret";
import { API_TOKEN_VIEW_SELECT, type ApiTokenScope, type ApiTokenView, toApiTokenView } from "./api-token-view";

export interface CreateApiTokenOptions {
  db: Pick<Db, "apiToken">;
  accountId: string;
  createdById: string | null;
  name: string;
  scopes: ApiTokenScope[];
}

/** Creates a token and returns it in full, the only time it is seen: only its hash is kept. */
export async function createApiToken(options: CreateApiTokenOptions): Promise<ApiTokenView & { token: string }> {
  const name = options.name.trim();
  if (!name) throw invalid("name", "Give the token a name that says which system uses it.", options.name);
  const scopes = [...new Set(options.scopes)].sort();
  if (scopes.length === 0)
    throw invalid("scopes", 'Give the token at least one scope: "read", "write" or both.', options.scopes);
  const token = newApiToken();
  const row = await options.db.apiToken.create({
    data: {
      accountId: options.accountId,
      createdById: options.createdById,
      name,
      prefix: token.slice(0, 12),
      tokenHash: hashApiToken(token),
      scopes,
    },
    select: API_TOKEN_VIEW_SELECT,
  });
  return { ...toApiTokenView(row), token };
}
