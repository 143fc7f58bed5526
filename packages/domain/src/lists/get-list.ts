import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { describeStoredCriteria } from "../segments/describe-stored-criteria";
import { LIST_VIEW_SELECT, type ListView, toListView } from "./list-view";

export async function getList(options: { db: Db; accountId: string; listId: string }): Promise<ListView> {
  const list = await options.db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: LIST_VIEW_SELECT,
  });
  if (!list) throw notFound("List", options.listId);
  const view = toListView(list);
  if (list.kind !== "DYNAMIC") return view;
  return {
    ...view,
    description: await describeStoredCriteria({
      db: options.db,
      accountId: options.accountId,
      criteria: list.criteria,
    }),
  };
}
