import { useCallback, useEffect, useRef, useState } from "react";
import { get, type Query, withQuery } from "./client";

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True while a request is in flight; `data` keeps the previous answer meanwhile (no flicker when paging). */
  loading: boolean;
  reload(): void;
  setData(update: (previous: T | undefined) => T | undefined): void;
}

/** GETs `path` (null: nothing yet) and again whenever the path or query changes. */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const key = path === null ? null : withQuery(path, query);
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: key !== null,
  });
  const [nonce, setNonce] = useState(0);
  const current = useRef(key);
  current.current = key;

  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is the reload trigger.
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    get<T>(key, undefined, controller.signal).then(
      (data) => {
        if (current.current === key) setState({ data, error: undefined, loading: false });
      },
      (error: Error) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const setData = useCallback((update: (previous: T | undefined) => T | undefined) => {
    setState((s) => ({ ...s, data: update(s.data) }));
  }, []);
  return { ...state, reload, setData };
}

/** Calls `reload` every `intervalMs` while it is a number (null: stopped); paused while the tab is hidden. */
export function usePolling(reload: () => void, intervalMs: number | null): void {
  useEffect(() => {
    if (intervalMs === null) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== "hidden") reload();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs]);
}
