import type { BulkActionResult, List, Page, Tag } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { errorMessage, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { SelectField, TextField } from "../../components/Field";
import { Alert } from "../../components/States";
import { useToast } from "../../components/Toast";

const NEW = "__new__";

/**
 * Adds the selected prospects (or all a query selects) to a list, or tags them, through an
 * actions endpoint that takes `prospectIds` plus the `scope` that "all" resolves on the server.
 */
export function BulkActionDialog({
  action,
  onClose,
  path,
  context = {},
  prospectIds,
  scope,
  allLabel,
  count,
  onDone,
}: {
  action: "ADD_TO_LIST" | "ADD_TAG" | null;
  onClose(): void;
  path: string;
  /** Sent with every request (e.g. the drill-down's segment). */
  context?: Record<string, unknown>;
  prospectIds: string[] | "all";
  /** Sent with "all" only: the search and filters that select everyone. */
  scope: Record<string, unknown>;
  /** Says what "all" covers, e.g. "the whole segment". */
  allLabel: string;
  count: number;
  onDone(): void;
}) {
  const isList = action === "ADD_TO_LIST";
  const noun = isList ? "list" : "tag";
  const targets = useApi<Page<List | Tag>>(action ? (isList ? "/api/lists" : "/api/tags") : null, { pageSize: 200 });
  const [target, setTarget] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const toast = useToast();
  const items = targets.data?.items ?? [];

  useEffect(() => {
    if (!action) return;
    setError(undefined);
    setName("");
  }, [action]);
  useEffect(() => {
    if (targets.data) setTarget(targets.data.items[0]?.id ?? NEW);
  }, [targets.data]);

  const submit = async () => {
    if (!action) return;
    if (target === NEW && !name.trim()) {
      setError(`Give the new ${noun} a name.`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const chosen =
        target === NEW
          ? isList
            ? { listName: name.trim() }
            : { tagName: name.trim() }
          : isList
            ? { listId: target }
            : { tagId: target };
      const result = await post<BulkActionResult>(path, {
        ...context,
        prospectIds,
        ...(prospectIds === "all" ? scope : {}),
        action,
        ...chosen,
      });
      const already = result.matched - result.affected;
      toast.success(
        isList
          ? `Added ${result.affected} prospect${result.affected === 1 ? "" : "s"} to “${result.target.name}”${already ? ` (${already} already there)` : ""}.`
          : `Tagged ${result.affected} prospect${result.affected === 1 ? "" : "s"} “${result.target.name}”${already ? ` (${already} already had it)` : ""}.`,
      );
      onDone();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={action !== null}
      onClose={() => !busy && onClose()}
      title={isList ? "Add to a list" : "Tag prospects"}
      description={`${count.toLocaleString()} prospect${count === 1 ? "" : "s"} selected${prospectIds === "all" ? ` (${allLabel})` : ""}.`}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={busy} disabled={!targets.data}>
            {isList ? "Add to list" : "Apply tag"}
          </Button>
        </>
      }
    >
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {targets.error ? <Alert tone="danger">{errorMessage(targets.error)}</Alert> : null}
      <SelectField
        label={isList ? "List" : "Tag"}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        disabled={!targets.data}
      >
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
        <option value={NEW}>+ New {noun}…</option>
      </SelectField>
      {target === NEW ? (
        <TextField
          label={`New ${noun} name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          autoFocus
        />
      ) : null}
    </Dialog>
  );
}
