import type { ClientContext } from "../context";
import { checkPageNumber, checkPageSize, collectPages, MAX_PAGE_SIZE, type PageInfo, readPageInfo } from "./paging";
import { formatGotoTime, type QueryInput } from "./transport";
import { asArray, asRecord } from "./values";

/** Items of a HAL-style `{ _embedded: { <name>: [...] }, page: {...} }` envelope (absent when empty). */
export function embeddedItems(data: unknown, name: string): unknown[] {
  if (Array.isArray(data)) return data;
  return asArray(asRecord(asRecord(data)._embedded)[name]);
}

export interface EmbeddedListRequest<T> {
  /** GET, or POST for GoTo's search calls (the body then carries the criteria). */
  method?: "GET" | "POST";
  body?: Record<string, unknown>;
  path: string;
  query?: Record<string, string | number | boolean | Date | undefined>;
  embeddedName: string;
  map: (item: unknown) => T;
  page?: number;
  size?: number;
  fetchAll?: boolean;
  /** Log fields naming the list for the page-cap warning. */
  context: Record<string, unknown>;
}

/** One page, or with fetchAll every page at size 200, of an `_embedded` + `page` list. */
export async function listEmbedded<T>(
  ctx: ClientContext,
  req: EmbeddedListRequest<T>,
): Promise<{ items: T[]; page: PageInfo }> {
  const fetchPage = async (page: number, size: number | undefined) => {
    const query: QueryInput = { ...req.query, page, size };
    const { data } = await ctx.transport.request({
      method: req.method ?? "GET",
      path: req.path,
      query,
      ...(req.body ? { body: { kind: "json" as const, value: req.body }, retryable: true } : {}),
    });
    const items = embeddedItems(data, req.embeddedName).map(req.map);
    return { items, page: readPageInfo(asRecord(data).page, size ?? 20, items.length) };
  };

  if (!req.fetchAll) {
    const result = await fetchPage(checkPageNumber(req.page) ?? 0, checkPageSize(req.size));
    return { items: result.items, page: result.page };
  }

  let last: PageInfo | undefined;
  const collected = await collectPages(
    async (page) => {
      const result = await fetchPage(page, MAX_PAGE_SIZE);
      last = result.page;
      return { items: result.items, hasMore: page + 1 < result.page.totalPages };
    },
    { maxPages: ctx.maxPages, log: ctx.log, context: req.context },
  );
  const page: PageInfo = {
    size: MAX_PAGE_SIZE,
    totalElements: last?.totalElements ?? collected.items.length,
    totalPages: last?.totalPages ?? collected.pages,
    number: collected.pages - 1,
  };
  return { items: collected.items, page };
}

/**
 * A list GoTo filters by a required time window (webinars, an organizer's sessions): the window
 * and the paging come from the caller's options as they are.
 */
export function listEmbeddedInRange<T>(
  ctx: ClientContext,
  options: { fromTime: Date | string; toTime: Date | string; page?: number; size?: number; fetchAll?: boolean },
  req: Omit<EmbeddedListRequest<T>, "query" | "page" | "size" | "fetchAll">,
): Promise<{ items: T[]; page: PageInfo }> {
  return listEmbedded(ctx, {
    ...req,
    query: { fromTime: formatGotoTime(options.fromTime), toTime: formatGotoTime(options.toTime) },
    page: options.page,
    size: options.size,
    fetchAll: options.fetchAll,
  });
}
