import type { API_TOKEN_SCOPES, ApiToken, CreatedApiToken } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { del, post } from "../../api/client";
import { useApi } from "../../api/use-api";

export type Scope = (typeof API_TOKEN_SCOPES)[number];

/**
 * The API tokens page's data: the tokens, creating one and revoking one. A created token is kept
 * in memory only, until dismissed (a next create's pending state does not hide it). Every accepted
 * change invalidates the cached answers (`createQueryClient`), so the tokens are read again.
 */
export function useApiTokens() {
  const tokens = useApi<{ items: ApiToken[] }>("/api/tokens");
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; scopes: Scope[] }) => post<CreatedApiToken>("/api/tokens", body),
    onSuccess: setCreated,
  });
  const revoke = useMutation({ mutationFn: (token: ApiToken) => del(`/api/tokens/${token.id}`) });
  return { tokens, create, created, dismissCreated: () => setCreated(null), revoke };
}
