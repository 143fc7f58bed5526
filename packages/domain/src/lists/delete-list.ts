import type { Db } from "@gw/db";
import { notFound } from "../errors/index";

/** Deletes the list and its memberships; the prospects stay. */
export async function deleteList(deps: { db: Db }, options: { accountId: string; listId: string }): Promise<void> {
  const { count } = await deps.db.list.deleteMany({ where: { id: options.listId, accountId: options.accountId } });
  if (count === 0) throw notFound("List", options.listId);
}
