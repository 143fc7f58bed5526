import type { Db } from "@gw/db";
import { cleanQuery, type Page, type PageRequest, pageWindow } from "../reports/paging";
import { LIST_VIEW_SELECT, type ListView, toListView } from "./list-view";

export interface ListListsOptions extends PageRequest {
  accountId: string;
  /** Name contains, ignoring case. */
  q?: string;
}

/** The account's lists by name, with their member counts. */
export async function listLists(deps: { db: Db }, options: ListListsOptions): Promise<Page<ListView>> {
  const { page, pageSize, offset } = pageWindow(options);
  const q = cleanQuery(options.q);
  const where = { accountId: options.accountId, ...(q ? { name: { contains: q, mode: "insensitive" as const } } : {}) };
  const [lists, total] = await Promise.all([
    deps.db.list.findMany({
      where,
      select: LIST_VIEW_SELECT,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: offset,
      take: pageSize,
    }),
    deps.db.list.count({ where }),
  ]);
  return { items: lists.map(toListView), total, page, pageSize };
}
