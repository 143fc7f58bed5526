import type { GotoLogger } from "../types/options";
import { GotoInputError } from "./errors";
import { asRecord, num } from "./values";

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_MAX_PAGES = 10_000;

/** GoTo's `page` object of `_embedded` list envelopes (0-based `number`). */
export interface PageInfo {
  size: number;
  totalElements: number;
  totalPages: number;
  number: number;
}

export function readPageInfo(value: unknown, fallbackSize: number, itemCount: number): PageInfo {
  const page = asRecord(value);
  if (Object.keys(page).length === 0) {
    // GoTo omits the envelope parts when nothing matched.
    return { size: fallbackSize, totalElements: itemCount, totalPages: itemCount > 0 ? 1 : 0, number: 0 };
  }
  return {
    size: num(page.size),
    totalElements: num(page.totalElements),
    totalPages: num(page.totalPages),
    number: num(page.number),
  };
}

export function checkPageSize(size: number | undefined, field = "size"): number | undefined {
  if (size === undefined) return undefined;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new GotoInputError(field, `${field} must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${size}`);
  }
  return size;
}

export function checkPageNumber(page: number | undefined, field = "page"): number | undefined {
  if (page === undefined) return undefined;
  if (!Number.isInteger(page) || page < 0) {
    throw new GotoInputError(field, `${field} must be a non-negative integer (pages are 0-based), got ${page}`);
  }
  return page;
}

export interface PageResult<T> {
  items: T[];
  hasMore: boolean;
}

export interface CollectOptions {
  maxPages: number;
  log: GotoLogger;
  /** Log fields naming the list, e.g. { list: "registrants", webinarKey }. */
  context: Record<string, unknown>;
}

/**
 * Follows a paged list to its end (docs/conventions.md, 16): page 0, 1, ... until the server says there
 * is no more, capped at `maxPages` with a warning when the cap cuts the list short.
 */
export async function collectPages<T>(
  fetchPage: (page: number) => Promise<PageResult<T>>,
  options: CollectOptions,
): Promise<{ items: T[]; pages: number; capped: boolean }> {
  const items: T[] = [];
  for (let page = 0; page < options.maxPages; page += 1) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (!result.hasMore || result.items.length === 0) return { items, pages: page + 1, capped: false };
  }
  options.log.warn(
    { ...options.context, maxPages: options.maxPages, fetched: items.length },
    "GoTo list paging stopped at the page cap; the list is incomplete",
  );
  return { items, pages: options.maxPages, capped: true };
}
