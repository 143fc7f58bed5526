import type { Db } from "@gw/db";
import { conflict, notFound } from "../errors/index";
import { cleanName, rethrowNameTaken } from "../names/unique-name";
import { TAG_VIEW_SELECT, type TagView, toTagView } from "./tag-view";

export interface RenameTagOptions {
  db: Db;
  accountId: string;
  tagId: string;
  name: string;
}

export async function renameTag(options: RenameTagOptions): Promise<TagView> {
  const { db } = options;
  const name = cleanName(options.name);
  const tag = await db.tag.findFirst({
    where: { id: options.tagId, accountId: options.accountId },
    select: { id: true },
  });
  if (!tag) throw notFound("Tag", options.tagId);
  const taken = await db.tag.findFirst({
    where: { accountId: options.accountId, name: { equals: name, mode: "insensitive" }, id: { not: tag.id } },
    select: { name: true },
  });
  if (taken) throw conflict(`A tag named "${taken.name}" already exists; choose another name`, "name");
  try {
    return toTagView(await db.tag.update({ where: { id: tag.id }, data: { name }, select: TAG_VIEW_SELECT }));
  } catch (error) {
    rethrowNameTaken(error, "tag", name);
  }
}
