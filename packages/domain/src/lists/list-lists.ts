import { type NamedPageOptions, pageNamed } from "../names/named-records";
import type { Page } from "../paging/paging";
import type { ListView } from "./list-view";

export type ListListsOptions = NamedPageOptions;

/** The account's lists by name (ignoring case), with their member counts. */
export function listLists(options: ListListsOptions): Promise<Page<ListView>> {
  return pageNamed<ListView>(options, "list", LIST_COLUMNS);
}

const LIST_COLUMNS = `t."id", t."name", t."kind", t."createdAt",
  (SELECT count(*)::int FROM "ListMembership" m WHERE m."listId" = t."id") AS "memberCount"`;
