import type { EndpointTestResult, OutboundEndpoint } from "@gw/api-contract";
import { useState } from "react";
import { del, errorMessage, patch, post } from "../../api/client";
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
  const [secret, setSecret] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<EndpointTestResult | { failed: string } | null>(null);
  const [toggling, setToggling] = useState(false);
  const [logNonce, setLogNonce] = useState(0);

  const sendTest = async () => {
    setTesting(true);
    setTest(null);
    try {
      setTest(await post<EndpointTestResult>(`/api/endpoints/${endpoint.id}/test`, {}));
    } catch (caught) {
      setTest({ failed: errorMessage(caught) });
    } finally {
      setTesting(false);
    }
  };
  const toggle = async () => {
    setToggling(true);
    try {
      await patch(`/api/endpoints/${endpoint.id}`, { enabled: !endpoint.enabled });
      toast.success(endpoint.enabled ? "Endpoint disabled: events wait until it is enabled." : "Endpoint enabled.");
      onChanged();
      setLogNonce((n) => n + 1);
    } catch (caught) {
      toast.error(errorMessage(caught));
    } finally {
      setToggling(false);
    }
  };

  return (
    <>
      {!endpoint.enabled ? (
        <Alert tone="danger" title="This endpoint is disabled">
          {endpoint.disabledReason ?? "Disabled."} Events wait in its queue and are delivered once it is enabled again.
        </Alert>
      ) : null}
      {secret ? (
        <OneTimeSecret label="Signing secret" value={secret} onDismiss={() => setSecret(null)}>
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
              <Button size="sm" icon="play" loading={testing} onClick={sendTest}>
                Send test event
              </Button>
              <Button size="sm" icon="refresh" onClick={() => setConfirm("rotate")}>
                Rotate secret
              </Button>
              <Button size="sm" icon={endpoint.enabled ? "pause" : "play"} loading={toggling} onClick={toggle}>
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
        {test ? (
          <div className="card-body">
            {"failed" in test ? (
              <Alert tone="danger" title="Test event not sent" onDismiss={() => setTest(null)}>
                {test.failed}
              </Alert>
            ) : test.ok ? (
              <Alert tone="success" title="Test event delivered" onDismiss={() => setTest(null)}>
                The receiver answered HTTP {test.statusCode} in {test.latencyMs} ms (event <code>{test.eventId}</code>
                ).
              </Alert>
            ) : (
              <Alert tone="danger" title="Test event failed" onDismiss={() => setTest(null)}>
                {test.error} ({test.latencyMs} ms)
              </Alert>
            )}
          </div>
        ) : null}
      </Card>

      {/* Remounted when the endpoint is enabled or disabled: its queue moves then. */}
      <DeliveryLog key={logNonce} endpointId={endpoint.id} />

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
          const rotated = await post<{ secret: string }>(`/api/endpoints/${endpoint.id}/rotate-secret`, {});
          setSecret(rotated.secret);
        }}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onClose={() => setConfirm(null)}
        title="Delete this endpoint?"
        message="It stops receiving events at once and its delivery log is deleted. This cannot be undone."
        confirmLabel="Delete endpoint"
        onConfirm={async () => {
          await del(`/api/endpoints/${endpoint.id}`);
          toast.success("Endpoint deleted.");
          onDeleted();
        }}
      />
    </>
  );
}
