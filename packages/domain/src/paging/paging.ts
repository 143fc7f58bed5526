import { type PgQueryDb, pgQuery } from "@gw/db";

/** One page of a server-side paginated list: what every list endpoint answers. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

/** Clamps what the caller asked for; routes reject nonsense with a 400 before it gets here. */
export function pageWindow(request: PageRequest): { page: number; pageSize: number; offset: number } {
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE)));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * One page read in SQL: `rows` (ordered, without LIMIT/OFFSET, which come after `values`) for the
 * window, and `count` (a `count(*)::int AS "total"` over the same rows) for the total.
 */
export async function pgPage<T>(
  db: PgQueryDb,
  request: PageRequest,
  query: { rows: string; count: string; values: unknown[] },
): Promise<Page<T>> {
  const { page, pageSize, offset } = pageWindow(request);
  const next = query.values.length + 1;
  const items = await pgQuery<T>(db, `${query.rows} LIMIT $${next}::int OFFSET $${next + 1}::int`, [
    ...query.values,
    pageSize,
    offset,
  ]);
  const [row] = await pgQuery<{ total: number }>(db, query.count, query.values);
  return { items, total: row?.total ?? 0, page, pageSize };
}

/** `q` as a case-insensitive "contains" pattern, with LIKE's wildcards taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function cleanQuery(q: string | undefined): string | undefined {
  const trimmed = q?.trim();
  return trimmed ? trimmed : undefined;
}
