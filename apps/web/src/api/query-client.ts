// The one QueryClient of the app: every GET the pages make is cached and refetched through it.

import { QueryClient } from "@tanstack/react-query";
import { onMutated } from "./client";

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // The API's answer is shown at once (a 4xx names what to fix, a 5xx says to try again):
        // retrying would only delay the message the user acts on.
        retry: false,
        // Coming back to a page shows the cached answer at once and refetches behind it.
        staleTime: 5_000,
      },
    },
  });
  // Any change the API accepted can show anywhere (a tag added in bulk changes lists, reports and
  // timelines): mark every answer stale; only the queries on screen refetch, the rest on next use.
  // A POST that only reads (`postRead`) is not a change and does not come here.
  onMutated(() => void client.invalidateQueries());
  return client;
}

/** The cache key of a GET: its path segments, then its query, so a prefix (`["api", "lists"]`) matches all of an area. */
export function apiQueryKey(path: string, query: Record<string, unknown> = {}): unknown[] {
  const [pathname = "", search = ""] = path.split("?");
  const params = Object.fromEntries(new URLSearchParams(search));
  const merged: Record<string, unknown> = { ...params };
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== "") merged[key] = String(value);
  return [...pathname.split("/").filter(Boolean), merged];
}
