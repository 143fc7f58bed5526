import { removeMember } from "../names/named-members";
import type { OwnedNamedInput } from "../names/named-records";
import { findAccountProspect } from "../prospects/find-account-prospect";
import { findStaticList } from "./find-static-list";

export type RemoveProspectFromListOptions = OwnedNamedInput<"listId" | "prospectId">;

/** Idempotent: removing a prospect that is not a member is not an error. */
export async function removeProspectFromList(options: RemoveProspectFromListOptions): Promise<{ removed: boolean }> {
  const list = await findStaticList(options);
  return { removed: await removeMember(options.db, "list", list.id, (await findAccountProspect(options)).id) };
}
