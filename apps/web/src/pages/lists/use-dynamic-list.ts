import type { Criteria, List, ListChange, ListEvaluation, ListHistory, Page } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { del, errorMessage, patch, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";
import { formatNumber } from "../../lib/format";
import { useMembers } from "./MembersCard";

/** Members join within seconds of a change: the page catches up on its own while it is open. */
export const DYNAMIC_LIST_REFRESH_MS = 15_000;
const POLL = { refetchInterval: DYNAMIC_LIST_REFRESH_MS };

/**
 * A dynamic list's data: members, joins and leaves, the hourly count (each refreshed on an
 * interval), and re-evaluating or deleting it. Every accepted change invalidates the cache
 * (`createQueryClient`), so the queries here refetch after a mutation without being told.
 */
export function useDynamicList(list: List) {
  const toast = useToast();
  const base = `/api/lists/${list.id}`;
  const [changesPage, setChangesPage] = useState(1);
  const members = useMembers(`${base}/members`, POLL);
  const changes = useApi<Page<ListChange>>(`${base}/changes`, { page: changesPage, pageSize: 10 }, POLL);
  const history = useApi<ListHistory>(`${base}/history`, { hours: 720 }, POLL);
  const evaluation = useMutation({
    mutationFn: () => post<ListEvaluation>(`${base}/evaluate`),
    onSuccess: (result) =>
      toast.success(
        `Re-evaluated: ${formatNumber(result.joined)} joined, ${formatNumber(result.left)} left, ${formatNumber(result.memberCount)} members now.`,
      ),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return {
    members,
    changes,
    setChangesPage,
    history,
    csvHref: `${base}/members.csv`,
    evaluate: () => evaluation.mutate(),
    evaluating: evaluation.isPending,
    remove: () => del(base),
  };
}

/**
 * Saving a dynamic list made (`id` undefined) or edited on its edit page: the toast says how many
 * members it has now, then its page opens. A refusal stays the mutation's error, for the page to
 * show at the name or above the buttons.
 */
export function useDynamicListSave(id: string | undefined) {
  const toast = useToast();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: { name: string; criteria: Criteria }) =>
      id === undefined ? post<List>("/api/lists", body) : patch<List>(`/api/lists/${id}`, body),
    onSuccess: (saved) => {
      toast.success(
        id === undefined
          ? `Dynamic list “${saved.name}” created with ${saved.memberCount} members.`
          : `Saved: “${saved.name}” re-evaluated, ${saved.memberCount} members.`,
      );
      navigate(`/lists/${saved.id}`);
    },
  });
}

/** A static copy of a list's members as they are now, under the name given. */
export function useSnapshot(list: List) {
  return useMutation({ mutationFn: (name: string) => post<List>(`/api/lists/${list.id}/snapshot`, { name }) });
}
