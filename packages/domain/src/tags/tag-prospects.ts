import { addMembers } from "../names/named-members";
import { findOwnedNamed, type OwnedNamedInput } from "../names/named-records";
import { resolveProspectIds } from "../prospects/resolve-prospect-ids";

export type TagProspectsOptions = OwnedNamedInput<"tagId"> & { prospectIds: string[] };

/** Tags prospects; those already tagged are left alone. `affected` counts the newly tagged. */
export async function tagProspects(options: TagProspectsOptions): Promise<{ affected: number }> {
  const tag = await findOwnedNamed(options.db, "tag", options.accountId, options.tagId);
  return { affected: await addMembers(options.db, "tag", tag.id, await resolveProspectIds(options)) };
}
