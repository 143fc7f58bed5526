import type { Db } from "@gw/db";
import { notFound } from "../errors/index";

/** Deletes the list and its memberships; the prospects stay. */
export async function deleteList(options: { db: Db; accountId: string; listId: string }): Promise<void> {
  const { count } = await options.db.list.deleteMany({ where: { id: options.listId, accountId: options.accountId } });
  if (count === 0) throw notFound("List", options.listId);
}
