import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { findAccountProspect } from "../prospects/find-account-prospect";
import { assertStaticList } from "./assert-static-list";

export interface RemoveProspectFromListOptions {
  db: Db;
  accountId: string;
  listId: string;
  prospectId: string;
}

/** Idempotent: removing a prospect that is not a member is not an error. */
export async function removeProspectFromList(options: RemoveProspectFromListOptions): Promise<{ removed: boolean }> {
  const { db } = options;
  const list = await db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true, kind: true, name: true },
  });
  if (!list) throw notFound("List", options.listId);
  assertStaticList(list);
  const prospect = await findAccountProspect(options);
  const { count } = await db.listMembership.deleteMany({ where: { listId: list.id, prospectId: prospect.id } });
  return { removed: count > 0 };
}
