import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router-dom";

/**
 * Table state (page, sort, filters) kept in the URL: links can be shared and Back works.
 * Changing a filter or the sort (any key other than the page key) goes back to page 1.
 */
export function useSearchState<K extends string>(defaults: Record<K, string>, pageKey = "page") {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, params.get(k) ?? v])) as Record<
    K,
    string
  >;
  // react-router's setSearchParams(fn) does not queue as setState does: two changes made before
  // the next render (two filters filled quickly) both start from the same parameters, and the
  // second drops the first. The parameters a change asked for are kept until the URL shows them,
  // and the next change builds on them.
  const shown = useRef({ search: params.toString(), params });
  const asked = useRef<URLSearchParams | null>(null);
  if (shown.current.search !== params.toString()) {
    shown.current = { search: params.toString(), params };
    asked.current = null;
  }
  const set = useCallback(
    (changes: Partial<Record<K, string | number>>) => {
      const next = new URLSearchParams(asked.current ?? shown.current.params);
      for (const [key, value] of Object.entries(changes)) {
        const text = value === undefined ? "" : String(value);
        if (text === "" || text === (defaults as Record<string, string>)[key]) next.delete(key);
        else next.set(key, text);
      }
      if (pageKey in defaults && !(pageKey in changes)) next.delete(pageKey);
      asked.current = next;
      setParams(next, { replace: true });
    },
    [setParams, defaults, pageKey],
  );
  return [values, set] as const;
}

/** Sorting by the same column again flips the order; a new column starts with its natural order. */
export function nextSort(current: { sort: string; order: string }, key: string, firstOrder: "asc" | "desc" = "asc") {
  if (current.sort === key) return { sort: key, order: current.order === "asc" ? "desc" : "asc" };
  return { sort: key, order: firstOrder };
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
