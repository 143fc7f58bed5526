import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { TAG_VIEW_SELECT, type TagView, toTagView } from "./tag-view";

export async function getTag(options: { db: Db; accountId: string; tagId: string }): Promise<TagView> {
  const tag = await options.db.tag.findFirst({
    where: { id: options.tagId, accountId: options.accountId },
    select: TAG_VIEW_SELECT,
  });
  if (!tag) throw notFound("Tag", options.tagId);
  return toTagView(tag);
}
