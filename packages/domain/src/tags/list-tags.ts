import type { Db } from "@gw/db";
import { cleanQuery, type Page, type PageRequest, pageWindow } from "../reports/paging";
import { TAG_VIEW_SELECT, type TagView, toTagView } from "./tag-view";

export interface ListTagsOptions extends PageRequest {
  accountId: string;
  /** Name contains, ignoring case. */
  q?: string;
}

/** The account's tags by name, with their prospect counts. */
export async function listTags(deps: { db: Db }, options: ListTagsOptions): Promise<Page<TagView>> {
  const { page, pageSize, offset } = pageWindow(options);
  const q = cleanQuery(options.q);
  const where = { accountId: options.accountId, ...(q ? { name: { contains: q, mode: "insensitive" as const } } : {}) };
  const [tags, total] = await Promise.all([
    deps.db.tag.findMany({
      where,
      select: TAG_VIEW_SELECT,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: offset,
      take: pageSize,
    }),
    deps.db.tag.count({ where }),
  ]);
  return { items: tags.map(toTagView), total, page, pageSize };
}
