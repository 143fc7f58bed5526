import type { SyncNowAnswer } from "@gw/api-contract";
import { useState } from "react";
import { errorMessage, post } from "../api/client";
import { formatRelative, formatShortDateTime } from "../lib/format";
import { Button } from "./Button";
import { useToast } from "./Toast";

/** "Sync now" for a connector or a webinar (admins); the API rate-limits it and never doubles a queued sync. */
export function SyncNowButton({
  path,
  name,
  onQueued,
  disabled,
}: {
  /** `/api/connectors/<id>/sync` or `/api/webinars/<id>/sync`. */
  path: string;
  /** What is synced, for the accessible name and the toast. */
  name: string;
  onQueued?: () => void;
  disabled?: boolean;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const answer = await post<SyncNowAnswer>(path);
      toast.success(
        answer.queued ? `Syncing ${name} now.` : `${name} is already being synced; it was not queued twice.`,
      );
      onQueued?.();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="sm"
      variant="secondary"
      icon="refresh"
      loading={busy}
      disabled={disabled}
      onClick={() => void run()}
      aria-label={`Sync now: ${name}`}
    >
      Sync now
    </Button>
  );
}

/** "in 8 minutes" for a planned time, "due now" once it is reached (the scheduler picks it up within seconds). */
export function NextSync({ at }: { at: string | null | undefined }) {
  if (!at) return <span className="muted">Not planned</span>;
  const due = new Date(at).getTime() <= Date.now() + 30_000;
  return <span title={formatShortDateTime(at)}>{due ? "due now" : formatRelative(at)}</span>;
}
