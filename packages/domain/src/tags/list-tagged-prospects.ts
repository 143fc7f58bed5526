import { type MemberSummary, pageMembers } from "../names/named-members";
import { findOwnedNamed, type OwnedNamedInput } from "../names/named-records";
import type { Page, PageRequest } from "../paging/paging";

export type ListTaggedProspectsOptions = OwnedNamedInput<"tagId"> & PageRequest & { q?: string };

/** The prospects carrying a tag, most recently tagged first. */
export async function listTaggedProspects(options: ListTaggedProspectsOptions): Promise<Page<MemberSummary>> {
  const tag = await findOwnedNamed(options.db, "tag", options.accountId, options.tagId);
  return pageMembers(options.db, "tag", tag.id, options);
}
