import { findOrCreateNamed, type NamedTargetInput } from "../names/named-records";
import { assertStaticList } from "./assert-static-list";

export type FindOrCreateListOptions = NamedTargetInput<"listId", "listName">;

/** The list a bulk action targets, given by id (must exist) or by name (made if new); never a dynamic one. */
export async function findOrCreateList(options: FindOrCreateListOptions): Promise<{ id: string; name: string }> {
  const { db, listId, field } = options;
  const nameField = field ?? "listName";
  const list = await findOrCreateNamed({ ...options, kind: "list", id: listId, name: options.listName, nameField });
  if (list.found) {
    const { kind } = await db.list.findUniqueOrThrow({ where: { id: list.id }, select: { kind: true } });
    assertStaticList({ kind, name: list.name }, field ?? (listId ? "listId" : "listName"));
  }
  return { id: list.id, name: list.name };
}
