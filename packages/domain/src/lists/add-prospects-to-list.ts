import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { resolveProspectIds } from "../prospects/resolve-prospect-ids";
import { assertStaticList } from "./assert-static-list";

export interface AddProspectsToListOptions {
  db: Db;
  accountId: string;
  listId: string;
  prospectIds: string[];
}

/** Adds prospects to a list; those already in it are left alone. `affected` counts the new ones. */
export async function addProspectsToList(options: AddProspectsToListOptions): Promise<{ affected: number }> {
  const { db } = options;
  const list = await db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true, kind: true, name: true },
  });
  if (!list) throw notFound("List", options.listId);
  assertStaticList(list);
  const prospectIds = await resolveProspectIds(options);
  const { count } = await db.listMembership.createMany({
    data: prospectIds.map((prospectId) => ({ listId: list.id, prospectId })),
    skipDuplicates: true,
  });
  return { affected: count };
}
