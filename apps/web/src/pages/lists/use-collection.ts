import type { Member, Page } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { del, errorMessage, patch, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";
import { useDebounced, useSearchState } from "../../lib/use-search-state";
import type { CollectionKind, NamedItem } from "./CollectionPage";
import { useMembers } from "./MembersCard";

const LIST_STATE = { q: "", page: "1" };

/**
 * A lists or tags page's data: the search (kept in the URL), the page of items it finds, the one
 * picked, and creating, renaming and deleting one. Every accepted change invalidates the cached
 * answers (`createQueryClient`), so the items and their counts are read again.
 */
export function useCollection<T extends NamedItem>(kind: CollectionKind<T>, id: string | undefined) {
  const [state, set] = useSearchState(LIST_STATE);
  const q = useDebounced(state.q, 250);
  const items = useApi<Page<T>>(kind.apiPath, { q, page: state.page, pageSize: 50 });
  const selected = items.data?.items.find((item) => item.id === id);
  // `item` null: a new one.
  const save = useMutation({
    mutationFn: ({ item, name }: { item: T | null; name: string }) =>
      item ? patch<T>(`${kind.apiPath}/${item.id}`, { name }) : post<T>(kind.apiPath, { name }),
  });
  const remove = useMutation({ mutationFn: (item: T) => del(`${kind.apiPath}/${item.id}`) });
  return { state, set, q, items, selected, save, remove };
}

/** The members of one list or tag, and taking one out (a refusal is a toast). */
export function useCollectionMembers<T extends NamedItem>(kind: CollectionKind<T>, id: string, name?: string) {
  const toast = useToast();
  const path = `${kind.apiPath}/${id}/${kind.membersPath}`;
  const members = useMembers(path);
  const removeMember = useMutation({
    mutationFn: (member: Member) => del(`${path}/${member.id}`),
    onSuccess: (_, member) => toast.success(`${member.email} removed from “${name ?? kind.noun}”.`),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return { members, removeMember };
}
