export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export interface ApiTokenView {
  id: string;
  name: string;
  /** The token's first characters, to tell tokens apart; the rest is never shown again. */
  prefix: string;
  scopes: ApiTokenScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { id: string; email: string } | null;
}

export const API_TOKEN_VIEW_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { id: true, email: true } },
} as const;

export const toApiTokenView = (row: Omit<ApiTokenView, "scopes"> & { scopes: string[] }): ApiTokenView => ({
  ...row,
  scopes: row.scopes.filter((s): s is ApiTokenScope => (API_TOKEN_SCOPES as readonly string[]).includes(s)),
});
