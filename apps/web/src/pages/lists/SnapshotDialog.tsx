import type { List } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { fieldErrorMessage, post } from "../../api/client";
import { FormDialog } from "../../components/Dialog";
import { TextField } from "../../components/Field";

/** Asks a name for a static copy of a list's members as they are now, and makes it. */
export function SnapshotDialog({
  list,
  open,
  onClose,
  onSaved,
}: {
  list: List;
  open: boolean;
  onClose(): void;
  onSaved(saved: List): void;
}) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!open) return;
    setName(`${list.name} – ${new Date().toISOString().slice(0, 10)}`);
    setError(undefined);
  }, [open, list.name]);
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`Snapshot “${list.name}”`}
      description="A static list of today's members: it keeps them even when they stop matching."
      submitLabel="Make static list"
      submit={async () => {
        setError(undefined);
        onSaved(await post<List>(`/api/lists/${list.id}/snapshot`, { name: name.trim() }));
      }}
      onError={(caught) => setError(fieldErrorMessage(caught, "name"))}
    >
      <TextField
        label="Name of the static list"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error}
        required
        autoFocus
      />
    </FormDialog>
  );
}
