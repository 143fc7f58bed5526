import { useEffect, useState } from "react";
import { errorMessage } from "../../api/client";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { SelectField, TextField } from "../../components/Field";
import { Alert } from "../../components/States";
import { type BulkActionType, type BulkTarget, useBulkAction } from "./use-bulk-action";

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
  action: BulkActionType | null;
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
  const { targets, apply } = useBulkAction({ action, path, context, prospectIds, scope, onDone });
  const [target, setTarget] = useState("");
  const [name, setName] = useState("");
  // Checked here before asking: a new list or tag needs a name.
  const [invalid, setInvalid] = useState<string>();
  const busy = apply.isPending;
  const error = invalid ?? (apply.error ? errorMessage(apply.error) : undefined);
  const items = targets.data?.items ?? [];
  const { reset } = apply;

  useEffect(() => {
    if (!action) return;
    setInvalid(undefined);
    reset();
    setName("");
  }, [action, reset]);
  useEffect(() => {
    if (targets.data) setTarget(targets.data.items[0]?.id ?? NEW);
  }, [targets.data]);

  const submit = () => {
    if (!action) return;
    if (target === NEW && !name.trim()) {
      setInvalid(`Give the new ${noun} a name.`);
      return;
    }
    setInvalid(undefined);
    const chosen: BulkTarget =
      target === NEW
        ? isList
          ? { listName: name.trim() }
          : { tagName: name.trim() }
        : isList
          ? { listId: target }
          : { tagId: target };
    apply.mutate({ type: action, target: chosen }, { onSuccess: onClose });
  };

  return (
    <Dialog
      open={action !== null}
      onClose={() => !busy && onClose()}
      title={isList ? "Add to a list" : "Tag prospects"}
      description={`${count.toLocaleString()} prospect${count === 1 ? "" : "s"} selected${prospectIds === "all" ? ` (${allLabel})` : ""}.`}
      onSubmit={submit}
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
