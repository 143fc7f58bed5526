import type { Db } from "@gw/db";
import { conflict } from "../errors/index";
import { cleanName, rethrowNameTaken } from "../names/unique-name";
import { evaluateDynamicList } from "../segments/evaluate-dynamic-list";
import { prepareCriteria } from "../segments/prepare-criteria";
import { getList } from "./get-list";
import { LIST_VIEW_SELECT, type ListView, toListView } from "./list-view";

export interface CreateListOptions {
  db: Db;
  accountId: string;
  name: string;
  /** A criteria tree makes the list DYNAMIC: its members are evaluated at once, then kept current. */
  criteria?: unknown;
}

/** A new list; names are unique per account, ignoring case, so "VIPs" and "vips" never coexist. */
export async function createList(options: CreateListOptions): Promise<ListView> {
  const { db, accountId } = options;
  const name = cleanName(options.name);
  const prepared =
    options.criteria === undefined ? undefined : await prepareCriteria({ db, accountId, criteria: options.criteria });
  const taken = await db.list.findFirst({
    where: { accountId, name: { equals: name, mode: "insensitive" } },
    select: { name: true },
  });
  if (taken) throw conflict(`A list named "${taken.name}" already exists; choose another name`, "name");
  let created: ListView;
  try {
    created = toListView(
      await db.list.create({
        data: {
          accountId,
          name,
          ...(prepared ? { kind: "DYNAMIC" as const, criteria: prepared.criteria as object } : {}),
        },
        select: LIST_VIEW_SELECT,
      }),
    );
  } catch (error) {
    rethrowNameTaken(error, "list", name);
  }
  if (!prepared) return created;
  await evaluateDynamicList({ db, accountId, listId: created.id });
  return getList({ db, accountId, listId: created.id });
}
