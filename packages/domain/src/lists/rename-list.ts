import { type OwnedNamedInput, renameNamed } from "../names/named-records";
import { LIST_VIEW_SELECT, type ListView, toListView } from "./list-view";

export type RenameListOptions = OwnedNamedInput<"listId"> & { name: string };

export async function renameList({ listId, ...options }: RenameListOptions): Promise<ListView> {
  return renameNamed({ ...options, kind: "list", id: listId }, async (name) =>
    toListView(await options.db.list.update({ where: { id: listId }, data: { name }, select: LIST_VIEW_SELECT })),
  );
}
