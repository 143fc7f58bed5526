import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { TAG_VIEW_SELECT, type TagView, toTagView } from "./tag-view";

export async function getTag(deps: { db: Db }, options: { accountId: string; tagId: string }): Promise<TagView> {
  const tag = await deps.db.tag.findFirst({
    where: { id: options.tagId, accountId: options.accountId },
    select: TAG_VIEW_SELECT,
  });
  if (!tag) throw notFound("Tag", options.tagId);
  return toTagView(tag);
}
