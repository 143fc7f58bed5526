import { badRequest } from "../errors";
import { requireDateTime } from "../time";

export type Query = Record<string, string | string[] | undefined>;

export function queryValue(query: unknown, name: string): string | undefined {
  const value = (query as Query | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Path keys are int64 in the spec; anything else is a 400. */
export function pathKey(params: unknown, name: string): string {
  const value = (params as Record<string, string>)[name] ?? "";
  if (!/^\d{1,19}$/.test(value)) throw badRequest(`${name} must be a numeric key, got ${JSON.stringify(value)}`);
  return value.replace(/^0+(?=\d)/, "");
}

export function booleanQuery(query: unknown, name: string, fallback: boolean): boolean {
  const value = queryValue(query, name);
  if (value === undefined || value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw badRequest(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

/** fromTime and toTime are both required wherever they appear (§3.1). */
export function timeRange(query: unknown): { from: number; to: number } {
  const from = requireDateTime(queryValue(query, "fromTime"), "fromTime");
  const to = requireDateTime(queryValue(query, "toTime"), "toTime");
  if (to < from) throw badRequest("toTime must not be before fromTime");
  return { from, to };
}

function wholeNumber(query: unknown, name: string): number | undefined {
  const value = queryValue(query, name);
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

export interface Paging {
  page: number;
  size: number;
  /** Whether the caller sent page or size/limit at all. */
  requested: boolean;
}

/** 0-based pages; page size default 20, at most 200 (§1, §7). */
export function paging(query: unknown, sizeName: "size" | "limit"): Paging {
  const page = wholeNumber(query, "page");
  const size = wholeNumber(query, sizeName);
  if (size !== undefined && (size < 1 || size > 200))
    throw badRequest(`${sizeName} must be between 1 and 200, got ${size}`);
  return { page: page ?? 0, size: size ?? 20, requested: page !== undefined || size !== undefined };
}

export function slicePage<T>(items: T[], p: Paging): T[] {
  return items.slice(p.page * p.size, p.page * p.size + p.size);
}

/**
 * The HAL envelope of GoTo's v2 lists (`_embedded` + `page`). The spec requires `_embedded`, so
 * an empty page carries an empty list unless the sim is set to omit it (`omitEmptyEmbedded`).
 */
export function halPage<T>(
  name: string,
  items: T[],
  p: Paging,
  view: (item: T) => unknown,
  omitEmptyEmbedded = false,
): Record<string, unknown> {
  const slice = slicePage(items, p);
  return {
    _embedded: slice.length > 0 || !omitEmptyEmbedded ? { [name]: slice.map(view) } : undefined,
    page: {
      size: p.size,
      totalElements: items.length,
      totalPages: Math.ceil(items.length / p.size),
      number: p.page,
    },
  };
}
