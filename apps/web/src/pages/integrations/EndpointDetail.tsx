import type { OutboundEndpoint } from "@gw/api-contract";
import { useState } from "react";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/Dialog";
import { Card } from "../../components/Layout";
import { OneTimeSecret } from "../../components/OneTimeSecret";
import { Alert } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatDateTime } from "../../lib/format";
import { DeliveryLog } from "./DeliveryLog";
import { EndpointDialog } from "./EndpointDialog";
import { EndpointStateBadge } from "./EndpointsPage";
import { eventTypeLabel } from "./event-types";
import { useEndpointActions } from "./use-endpoint";

type Confirm = "rotate" | "delete" | null;

/** One endpoint: what it receives, its state and admin actions, then its delivery log. */
export function EndpointDetail({
  endpoint,
  isAdmin,
  onChanged,
  onDeleted,
}: {
  endpoint: OutboundEndpoint;
  isAdmin: boolean;
  onChanged(): void;
  onDeleted(): void;
}) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const { secret, dismissSecret, logKey, test, testResult, toggle, rotate, remove } = useEndpointActions(
    endpoint,
    onChanged,
  );

  return (
    <>
      {!endpoint.enabled ? (
        <Alert tone="danger" title="This endpoint is disabled">
          {endpoint.disabledReason ?? "Disabled."} Events wait in its queue and are delivered once it is enabled again.
        </Alert>
      ) : null}
      {secret ? (
        <OneTimeSecret label="Signing secret" value={secret} onDismiss={dismissSecret}>
          <p>Deliveries are signed with this new secret from now on: update your receiver.</p>
        </OneTimeSecret>
      ) : null}
      <Card
        title="Endpoint"
        id="endpoint"
        footer={
          isAdmin ? (
            <div className="row">
              <Button size="sm" icon="edit" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button size="sm" icon="play" loading={test.isPending} onClick={() => test.mutate()}>
                Send test event
              </Button>
              <Button size="sm" icon="refresh" onClick={() => setConfirm("rotate")}>
                Rotate secret
              </Button>
              <Button
                size="sm"
                icon={endpoint.enabled ? "pause" : "play"}
                loading={toggle.isPending}
                onClick={() => toggle.mutate(!endpoint.enabled)}
              >
                {endpoint.enabled ? "Disable" : "Enable"}
              </Button>
              <span className="spacer" />
              <Button size="sm" variant="danger" icon="trash" onClick={() => setConfirm("delete")}>
                Delete
              </Button>
            </div>
          ) : (
            <p className="muted small">Only admins change endpoints.</p>
          )
        }
      >
        <dl className="dl card-body">
          <dt>State</dt>
          <dd>
            <EndpointStateBadge endpoint={endpoint} />
          </dd>
          <dt>Receives</dt>
          <dd>
            {endpoint.eventTypes.length === 0 ? (
              "Every event type"
            ) : (
              <ul className="plain">
                {endpoint.eventTypes.map((type) => (
                  <li key={type}>
                    {eventTypeLabel(type)} <code className="small">{type}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Added</dt>
          <dd>{formatDateTime(endpoint.createdAt)}</dd>
        </dl>
        {testResult ? (
          <div className="card-body">
            {"failed" in testResult ? (
              <Alert tone="danger" title="Test event not sent" onDismiss={() => test.reset()}>
                {testResult.failed}
              </Alert>
            ) : testResult.ok ? (
              <Alert tone="success" title="Test event delivered" onDismiss={() => test.reset()}>
                The receiver answered HTTP {testResult.statusCode} in {testResult.latencyMs} ms (event{" "}
                <code>{testResult.eventId}</code>
                ).
              </Alert>
            ) : (
              <Alert tone="danger" title="Test event failed" onDismiss={() => test.reset()}>
                {testResult.error} ({testResult.latencyMs} ms)
              </Alert>
            )}
          </div>
        ) : null}
      </Card>

      {/* Remounted when the endpoint is enabled or disabled: its queue moves then. */}
      <DeliveryLog key={logKey} endpointId={endpoint.id} />

      <EndpointDialog
        open={editing}
        endpoint={endpoint}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          toast.success("Endpoint saved.");
          onChanged();
        }}
      />
      <ConfirmDialog
        open={confirm === "rotate"}
        onClose={() => setConfirm(null)}
        title="Rotate the signing secret?"
        message="A new secret signs every delivery from now on; the receiver rejects them until it has the new one."
        confirmLabel="Rotate secret"
        tone="primary"
        onConfirm={async () => {
          await rotate.mutateAsync();
        }}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onClose={() => setConfirm(null)}
        title="Delete this endpoint?"
        message="It stops receiving events at once and its delivery log is deleted. This cannot be undone."
        confirmLabel="Delete endpoint"
        onConfirm={async () => {
          await remove.mutateAsync();
          toast.success("Endpoint deleted.");
          onDeleted();
        }}
      />
    </>
  );
}
