/** An admin list's offset window: at most 500 rows a request. */
export interface NewestFirstWindow {
  /** Default 100, at most 500. */
  limit?: number;
  offset?: number;
}

/** The Prisma arguments of a window of an account's rows, newest first (the id breaks ties, so pages never overlap). */
export function newestFirst(window: NewestFirstWindow) {
  return {
    orderBy: [{ createdAt: "desc" as const }, { id: "asc" as const }],
    take: Math.min(window.limit ?? 100, 500),
    skip: window.offset ?? 0,
  };
}
