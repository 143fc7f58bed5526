import type { Db } from "@gw/db";
import { invalid, notFound } from "../errors/index";
import { evaluateDynamicList } from "../segments/evaluate-dynamic-list";
import { orderDynamicLists } from "../segments/order-dynamic-lists";
import { parseCriteria } from "../segments/parse-criteria";
import { prepareCriteria } from "../segments/prepare-criteria";
import { getList } from "./get-list";
import type { ListView } from "./list-view";

export interface SetListCriteriaOptions {
  accountId: string;
  listId: string;
  criteria: unknown;
}

/** New criteria for a dynamic list; its members are re-evaluated before this answers. */
export async function setListCriteria(options: SetListCriteriaOptions & { db: Db }): Promise<ListView> {
  const { db } = options;
  const list = await db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true, kind: true },
  });
  if (!list) throw notFound("List", options.listId);
  if (list.kind !== "DYNAMIC") {
    throw invalid(
      "criteria",
      "Only a dynamic list has criteria; create a dynamic list instead of changing a static one",
    );
  }
  const prepared = await prepareCriteria(options);
  const others = await db.list.findMany({
    where: { accountId: options.accountId, kind: "DYNAMIC", id: { not: list.id } },
    select: { id: true, name: true, criteria: true },
  });
  orderDynamicLists(
    [
      ...others.map((o) => ({ id: o.id, name: o.name, criteria: parseCriteria(o.criteria) })),
      { id: list.id, name: "this list", criteria: prepared.criteria },
    ],
    list.id,
  );
  await db.list.update({ where: { id: list.id }, data: { criteria: prepared.criteria as object } });
  await evaluateDynamicList(options);
  return getList(options);
}
