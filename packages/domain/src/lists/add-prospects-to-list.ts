import { addMembers } from "../names/named-members";
import type { OwnedNamedInput } from "../names/named-records";
import { resolveProspectIds } from "../prospects/resolve-prospect-ids";
import { findStaticList } from "./find-static-list";

export type AddProspectsToListOptions = OwnedNamedInput<"listId"> & { prospectIds: string[] };

/** Adds prospects to a list; those already in it are left alone. `affected` counts the new ones. */
export async function addProspectsToList(options: AddProspectsToListOptions): Promise<{ affected: number }> {
  const list = await findStaticList(options);
  return { affected: await addMembers(options.db, "list", list.id, await resolveProspectIds(options)) };
}
