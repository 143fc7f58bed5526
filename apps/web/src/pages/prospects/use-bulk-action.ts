import type { BulkActionResult, List, Page, Tag } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";

export type BulkActionType = "ADD_TO_LIST" | "ADD_TAG";
/** An existing list or tag by id, or a new one by name. */
export type BulkTarget = { listId: string } | { listName: string } | { tagId: string } | { tagName: string };

/**
 * A bulk action's data: the lists or tags it may add to (read while its dialog is open) and the
 * action itself, through an endpoint that takes `prospectIds` plus the `scope` that "all" resolves
 * on the server. An accepted action says what it did in a toast.
 */
export function useBulkAction({
  action,
  path,
  context,
  prospectIds,
  scope,
  onDone,
}: {
  action: BulkActionType | null;
  path: string;
  context: Record<string, unknown>;
  prospectIds: string[] | "all";
  scope: Record<string, unknown>;
  onDone(): void;
}) {
  const toast = useToast();
  const isList = action === "ADD_TO_LIST";
  const targets = useApi<Page<List | Tag>>(action ? (isList ? "/api/lists" : "/api/tags") : null, { pageSize: 200 });
  const apply = useMutation({
    mutationFn: ({ type, target }: { type: BulkActionType; target: BulkTarget }) =>
      post<BulkActionResult>(path, {
        ...context,
        prospectIds,
        ...(prospectIds === "all" ? scope : {}),
        action: type,
        ...target,
      }),
    onSuccess: (result, { type }) => {
      const already = result.matched - result.affected;
      toast.success(
        type === "ADD_TO_LIST"
          ? `Added ${result.affected} prospect${result.affected === 1 ? "" : "s"} to “${result.target.name}”${already ? ` (${already} already there)` : ""}.`
          : `Tagged ${result.affected} prospect${result.affected === 1 ? "" : "s"} “${result.target.name}”${already ? ` (${already} already had it)` : ""}.`,
      );
      onDone();
    },
  });
  return { targets, apply };
}
