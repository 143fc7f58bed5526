import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { get, type Query } from "./client";
import { apiQueryKey } from "./query-client";

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True while a request is in flight; `data` keeps the previous answer meanwhile (no flicker when paging). */
  loading: boolean;
  reload(): void;
  setData(update: (previous: T | undefined) => T | undefined): void;
}

export interface ApiOptions<T> {
  /** Refetch every N ms while this returns a number (given the latest answer); paused while the tab is hidden. */
  refetchInterval?: number | false | ((data: T | undefined) => number | false);
}

/** GETs `path` (null: nothing yet) through the query cache, and again whenever the path or query changes. */
export function useApi<T>(path: string | null, query?: Query, options: ApiOptions<T> = {}): ApiState<T> {
  const queryKey = apiQueryKey(path ?? "", query);
  const client = useQueryClient();
  const { refetchInterval } = options;
  const result = useQuery({
    queryKey,
    queryFn: ({ signal }) => get<T>(path ?? "", query, signal),
    enabled: path !== null,
    placeholderData: keepPreviousData,
    refetchInterval:
      typeof refetchInterval === "function" ? (q) => refetchInterval(q.state.data as T | undefined) : refetchInterval,
  });
  const { refetch } = result;
  // A new key array each render, the same query: its text is what identifies it.
  const keyText = JSON.stringify(queryKey);
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback(
    (update: (previous: T | undefined) => T | undefined) => client.setQueryData<T>(JSON.parse(keyText), update),
    [client, keyText],
  );
  return {
    data: result.data,
    error: result.error ?? undefined,
    loading: result.isFetching,
    reload,
    setData,
  };
}
