import type { CreatedOutboundEndpoint, OutboundEndpoint } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { errorMessage, fieldMessage } from "../../api/client";
import { FormDialog } from "../../components/Dialog";
import { SetCheckbox, TextField } from "../../components/Field";
import { Alert } from "../../components/States";
import { eventTypeLabel } from "./event-types";
import { useEndpointDialog } from "./use-endpoint";

/** Add an endpoint (the answer carries its secret) or change one: URL, description, event types. */
export function EndpointDialog({
  open,
  endpoint,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** null: a new endpoint. */
  endpoint: OutboundEndpoint | null;
  onClose(): void;
  onSaved(saved: OutboundEndpoint | CreatedOutboundEndpoint): void;
}) {
  const { types, save } = useEndpointDialog(open, endpoint);
  const { reset } = save;
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [all, setAll] = useState(true);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const error = save.error;

  useEffect(() => {
    if (!open) return;
    setUrl(endpoint?.url ?? "");
    setDescription(endpoint?.description ?? "");
    setAll(!endpoint || endpoint.eventTypes.length === 0);
    setPicked(new Set(endpoint?.eventTypes ?? []));
    reset();
  }, [open, endpoint, reset]);

  const fieldError = (name: string) => fieldMessage(error, name);
  const typesError = !all && picked.size === 0 ? "Pick at least one event type, or receive all of them." : undefined;

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={endpoint ? "Edit endpoint" : "Add endpoint"}
      description="Events are POSTed to this address, signed per the Standard Webhooks specification."
      wide
      submitLabel={endpoint ? "Save endpoint" : "Add endpoint"}
      submit={async () => {
        if (typesError) return;
        const body = { url, description: description.trim() || null, eventTypes: all ? [] : [...picked].sort() };
        onSaved(await save.mutateAsync(body));
      }}
      // The refusal is the mutation's error, shown against its field.
      onError={() => undefined}
    >
      <div className="stack">
        <TextField
          label="URL"
          type="url"
          required
          placeholder="https://example.com/webhooks/webinar-sync"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={fieldError("url")}
          hint="Public https:// address of your receiver."
        />
        <TextField
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={fieldError("description")}
          hint="Optional: which system receives these events."
        />
        <fieldset
          className="fieldset stack"
          style={{ gap: 8 }}
          aria-describedby={typesError ? "types-error" : undefined}
        >
          <legend>Event types</legend>
          <label className="row">
            <input type="radio" name="types" checked={all} onChange={() => setAll(true)} />
            Every event type, including ones added later
          </label>
          <label className="row">
            <input type="radio" name="types" checked={!all} onChange={() => setAll(false)} />
            Only the types I pick
          </label>
          {!all ? (
            <ul className="plain event-type-grid">
              {(types.data?.items ?? []).map((type) => (
                <li key={type}>
                  <SetCheckbox item={type} picked={picked} onChange={setPicked}>
                    <span>
                      {eventTypeLabel(type)} <code className="small">{type}</code>
                    </span>
                  </SetCheckbox>
                </li>
              ))}
            </ul>
          ) : null}
          {typesError ? (
            <span className="error" id="types-error">
              {typesError}
            </span>
          ) : null}
          {fieldError("eventTypes") ? <span className="error">{fieldError("eventTypes")}</span> : null}
        </fieldset>
        {error && !fieldError("url") && !fieldError("eventTypes") && !fieldError("description") ? (
          <Alert tone="danger" title="Not saved">
            {errorMessage(error)}
          </Alert>
        ) : null}
      </div>
    </FormDialog>
  );
}
