import { type NamedPageOptions, pageNamed } from "../names/named-records";
import type { Page } from "../paging/paging";
import type { TagView } from "./tag-view";

export type ListTagsOptions = NamedPageOptions;

/** The account's tags by name (ignoring case), with how many prospects carry each. */
export function listTags(options: ListTagsOptions): Promise<Page<TagView>> {
  return pageNamed<TagView>(options, "tag", TAG_COLUMNS);
}

const TAG_COLUMNS = `t."id", t."name", t."createdAt",
  (SELECT count(*)::int FROM "ProspectTag" pt WHERE pt."tagId" = t."id") AS "prospectCount"`;
