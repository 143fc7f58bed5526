import type { List, ListChange, ListEvaluation, ListHistory, Page } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { del, errorMessage, post } from "../../api/client";
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
