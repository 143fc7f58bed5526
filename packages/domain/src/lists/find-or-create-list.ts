import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { cleanName } from "../names/unique-name";
import { assertStaticList } from "./assert-static-list";

export interface FindOrCreateListOptions {
  db: Db;
  accountId: string;
  listId?: string;
  /** Matched ignoring case; created when no list has it. */
  listName?: string;
  field?: string;
}

/** The list a bulk action targets, given by id (must exist) or by name (made if new). */
export async function findOrCreateList(options: FindOrCreateListOptions): Promise<{ id: string; name: string }> {
  const { db } = options;
  if (options.listId) {
    const list = await db.list.findFirst({
      where: { id: options.listId, accountId: options.accountId },
      select: { id: true, name: true, kind: true },
    });
    if (!list) throw notFound("List", options.listId);
    assertStaticList(list, options.field ?? "listId");
    return { id: list.id, name: list.name };
  }
  const name = cleanName(options.listName ?? "", options.field ?? "listName");
  const where = { accountId: options.accountId, name: { equals: name, mode: "insensitive" as const } };
  const existing = await db.list.findFirst({ where, select: { id: true, name: true, kind: true } });
  if (existing) {
    assertStaticList(existing, options.field ?? "listName");
    return { id: existing.id, name: existing.name };
  }
  // Two concurrent actions may both create it: the loser reads the winner's row.
  await db.list.createMany({ data: [{ accountId: options.accountId, name }], skipDuplicates: true });
  return db.list.findFirstOrThrow({ where, select: { id: true, name: true } });
}
