import type { Db } from "@gw/db";
import { notFound } from "../errors/index";

/** Deletes the tag and removes it from its prospects; the prospects stay. */
export async function deleteTag(options: { db: Db; accountId: string; tagId: string }): Promise<void> {
  const { count } = await options.db.tag.deleteMany({ where: { id: options.tagId, accountId: options.accountId } });
  if (count === 0) throw notFound("Tag", options.tagId);
}
