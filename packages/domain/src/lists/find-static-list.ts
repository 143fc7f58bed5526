import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { assertStaticList } from "./assert-static-list";

/** The account's list when its members may be changed by hand (a static one), else a 404 or 409. */
export async function findStaticList(options: { db: Db; accountId: string; listId: string }) {
  const list = await options.db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true, kind: true, name: true },
  });
  if (!list) throw notFound("List", options.listId);
  assertStaticList(list);
  return list;
}
