import { type Db, pgQuery } from "@gw/db";
import { notFound } from "../errors/index";
import { createList } from "./create-list";
import { getList } from "./get-list";
import type { ListView } from "./list-view";

export interface SnapshotListOptions {
  accountId: string;
  listId: string;
  /** The new static list's name. */
  name: string;
}

/** A static list holding a list's members as they are now (a dynamic list frozen, or a copy). */
export async function snapshotList(options: SnapshotListOptions & { db: Db }): Promise<ListView> {
  const source = await options.db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true },
  });
  if (!source) throw notFound("List", options.listId);
  const created = await createList({ db: options.db, accountId: options.accountId, name: options.name });
  await pgQuery(
    options.db,
    `INSERT INTO "ListMembership" ("listId", "prospectId")
     SELECT $1::uuid, m."prospectId" FROM "ListMembership" m WHERE m."listId" = $2::uuid ON CONFLICT DO NOTHING`,
    [created.id, source.id],
  );
  return getList({ db: options.db, accountId: options.accountId, listId: created.id });
}
