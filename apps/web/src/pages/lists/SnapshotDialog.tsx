import type { List } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { fieldErrorMessage } from "../../api/client";
import { FormDialog } from "../../components/Dialog";
import { TextField } from "../../components/Field";
import { useSnapshot } from "./use-dynamic-list";

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
  const snapshot = useSnapshot(list);
  const { reset } = snapshot;
  const [name, setName] = useState("");
  useEffect(() => {
    if (!open) return;
    setName(`${list.name} – ${new Date().toISOString().slice(0, 10)}`);
    reset();
  }, [open, list.name, reset]);
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`Snapshot “${list.name}”`}
      description="A static list of today's members: it keeps them even when they stop matching."
      submitLabel="Make static list"
      submit={async () => onSaved(await snapshot.mutateAsync(name.trim()))}
      // The refusal is the mutation's error, shown at the name.
      onError={() => undefined}
    >
      <TextField
        label="Name of the static list"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={snapshot.error ? fieldErrorMessage(snapshot.error, "name") : undefined}
        required
        autoFocus
      />
    </FormDialog>
  );
}
