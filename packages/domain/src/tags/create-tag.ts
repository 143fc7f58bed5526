import type { Db } from "@gw/db";
import { conflict } from "../errors/index";
import { cleanName, rethrowNameTaken } from "../names/unique-name";
import { TAG_VIEW_SELECT, type TagView, toTagView } from "./tag-view";

export interface CreateTagOptions {
  db: Db;
  accountId: string;
  name: string;
}

/** A new tag; names are unique per account, ignoring case, so "VIPs" and "vips" never coexist. */
export async function createTag(options: CreateTagOptions): Promise<TagView> {
  const name = cleanName(options.name);
  const taken = await options.db.tag.findFirst({
    where: { accountId: options.accountId, name: { equals: name, mode: "insensitive" } },
    select: { name: true },
  });
  if (taken) throw conflict(`A tag named "${taken.name}" already exists; choose another name`, "name");
  try {
    return toTagView(
      await options.db.tag.create({ data: { accountId: options.accountId, name }, select: TAG_VIEW_SELECT }),
    );
  } catch (error) {
    rethrowNameTaken(error, "tag", name);
  }
}
