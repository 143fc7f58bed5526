import { removeMember } from "../names/named-members";
import { findOwnedNamed, type OwnedNamedInput } from "../names/named-records";
import { findAccountProspect } from "../prospects/find-account-prospect";

export type UntagProspectOptions = OwnedNamedInput<"tagId" | "prospectId">;

/** Idempotent: untagging a prospect that does not carry the tag is not an error. */
export async function untagProspect(options: UntagProspectOptions): Promise<{ removed: boolean }> {
  const tag = await findOwnedNamed(options.db, "tag", options.accountId, options.tagId);
  return { removed: await removeMember(options.db, "tag", tag.id, (await findAccountProspect(options)).id) };
}
