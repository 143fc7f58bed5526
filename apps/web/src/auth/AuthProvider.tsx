import type { CurrentUser as Me } from "@gw/api-contract";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, get, onUnauthorized, post, setCsrfToken } from "../api/client";

type AuthState =
  | { status: "loading" }
  | { status: "anonymous"; expired?: boolean }
  | { status: "error"; error: Error }
  | { status: "authenticated"; me: Me };

interface AuthApi {
  state: AuthState;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  retry(): void;
}

const AuthContext = createContext<AuthApi | null>(null);

/**
 * Who is logged in (GET /api/auth/me), and the CSRF token every change must carry. Deliberately not a
 * TanStack query: the session decides whose cache exists (it is cleared on login, logout and a 401),
 * and the catch-all refresh after every change would refetch it and reset the CSRF token mid-use.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // Cached answers belong to the account that fetched them: the next login (maybe another
  // account's) must never see them.
  const queryClient = useQueryClient();

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger.
  useEffect(() => {
    let cancelled = false;
    get<Me>("/api/auth/me").then(
      (me) => {
        if (cancelled) return;
        setCsrfToken(me.csrfToken);
        setState({ status: "authenticated", me });
      },
      (error: Error) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: "anonymous" });
        else setState({ status: "error", error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        queryClient.clear();
        setState({ status: "anonymous", expired: true });
      }),
    [queryClient],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      const me = await post<Me>("/api/auth/login", { email, password });
      queryClient.clear();
      setCsrfToken(me.csrfToken);
      setState({ status: "authenticated", me });
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await post("/api/auth/logout");
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: "anonymous" });
    }
  }, [queryClient]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, login, logout, retry }), [state, login, logout, retry]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}

export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== "authenticated") throw new Error("useMe needs a logged-in user");
  return state.me;
}
