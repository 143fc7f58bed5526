import type { Db } from "@gw/db";
import { conflict } from "../errors/index";
import { cleanName, rethrowNameTaken } from "../names/unique-name";
import { LIST_VIEW_SELECT, type ListView, toListView } from "./list-view";

export interface CreateListOptions {
  db: Db;
  accountId: string;
  name: string;
}

/** A new list; names are unique per account, ignoring case, so "VIPs" and "vips" never coexist. */
export async function createList(options: CreateListOptions): Promise<ListView> {
  const name = cleanName(options.name);
  const taken = await options.db.list.findFirst({
    where: { accountId: options.accountId, name: { equals: name, mode: "insensitive" } },
    select: { name: true },
  });
  if (taken) throw conflict(`A list named "${taken.name}" already exists; choose another name`, "name");
  try {
    return toListView(
      await options.db.list.create({ data: { accountId: options.accountId, name }, select: LIST_VIEW_SELECT }),
    );
  } catch (error) {
    rethrowNameTaken(error, "list", name);
  }
}
