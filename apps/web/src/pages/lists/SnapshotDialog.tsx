import type { List } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { ApiError, errorMessage, post } from "../../api/client";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!open) return;
    setName(`${list.name} – ${new Date().toISOString().slice(0, 10)}`);
    setError(undefined);
  }, [open, list.name]);
  return (
    <Dialog
      open={open}
      onClose={() => !busy && onClose()}
      title={`Snapshot “${list.name}”`}
      description="A static list of today's members: it keeps them even when they stop matching."
      onSubmit={async () => {
        setBusy(true);
        setError(undefined);
        try {
          onSaved(await post<List>(`/api/lists/${list.id}/snapshot`, { name: name.trim() }));
        } catch (caught) {
          setError(caught instanceof ApiError ? (caught.fieldMessage("name") ?? caught.message) : errorMessage(caught));
        } finally {
          setBusy(false);
        }
      }}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={busy}>
            Make static list
          </Button>
        </>
      }
    >
      <TextField
        label="Name of the static list"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error}
        required
        autoFocus
      />
    </Dialog>
  );
}
