import { type MemberSummary, pageMembers } from "../names/named-members";
import { findOwnedNamed, type OwnedNamedInput } from "../names/named-records";
import type { Page, PageRequest } from "../paging/paging";

export type ListListMembersOptions = OwnedNamedInput<"listId"> & PageRequest & { q?: string };

/** A list's members, most recently added first. */
export async function listListMembers(options: ListListMembersOptions): Promise<Page<MemberSummary>> {
  const list = await findOwnedNamed(options.db, "list", options.accountId, options.listId);
  return pageMembers(options.db, "list", list.id, options);
}
