import type { Db } from "@gw/db";
import { conflict, notFound } from "../errors/index";
import { cleanName, rethrowNameTaken } from "../names/unique-name";
import { LIST_VIEW_SELECT, type ListView, toListView } from "./list-view";

export interface RenameListOptions {
  db: Db;
  accountId: string;
  listId: string;
  name: string;
}

export async function renameList(options: RenameListOptions): Promise<ListView> {
  const { db } = options;
  const name = cleanName(options.name);
  const list = await db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true },
  });
  if (!list) throw notFound("List", options.listId);
  const taken = await db.list.findFirst({
    where: { accountId: options.accountId, name: { equals: name, mode: "insensitive" }, id: { not: list.id } },
    select: { name: true },
  });
  if (taken) throw conflict(`A list named "${taken.name}" already exists; choose another name`, "name");
  try {
    return toListView(await db.list.update({ where: { id: list.id }, data: { name }, select: LIST_VIEW_SELECT }));
  } catch (error) {
    rethrowNameTaken(error, "list", name);
  }
}
