import type { CreatedOutboundEndpoint, OutboundEndpoint } from "@gw/api-contract";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useMe } from "../../auth/AuthProvider";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, DataTable } from "../../components/DataTable";
import { Card, PageHeader } from "../../components/Layout";
import { OneTimeSecret } from "../../components/OneTimeSecret";
import { Alert, EmptyState, QueryView } from "../../components/States";
import { formatRelative } from "../../lib/format";
import { EndpointDetail } from "./EndpointDetail";
import { EndpointDialog } from "./EndpointDialog";
import { eventTypeLabel } from "./event-types";
import { useEndpoints } from "./use-endpoint";

const BREADCRUMBS = [{ label: "Integrations" }, { label: "Outbound events", to: "/integrations/endpoints" }];

/** Integrations > Outbound events: the account's webhook endpoints and, for one, its delivery log. */
export function EndpointsPage() {
  const { id } = useParams();
  const isAdmin = useMe().user.role === "ADMIN";
  const navigate = useNavigate();
  const endpoints = useEndpoints();
  const [adding, setAdding] = useState(false);
  // The signing secret of the endpoint just added: kept in memory only, until dismissed.
  const [created, setCreated] = useState<CreatedOutboundEndpoint | null>(null);

  const selected = id ? endpoints.data?.items.find((e) => e.id === id) : undefined;
  if (id && endpoints.data && !selected)
    return (
      <>
        <PageHeader title="Endpoint not found" breadcrumbs={BREADCRUMBS} />
        <Card>
          <EmptyState icon="server" title="This endpoint does not exist (any more)">
            <Link to="/integrations/endpoints">Back to all endpoints</Link>
          </EmptyState>
        </Card>
      </>
    );

  const secretNotice = created ? (
    <OneTimeSecret label="Signing secret" value={created.secret} onDismiss={() => setCreated(null)}>
      <p>
        Your receiver verifies each event's <code>webhook-signature</code> header with this secret, e.g. with the{" "}
        <code>standardwebhooks</code> library.
      </p>
    </OneTimeSecret>
  ) : null;

  if (selected)
    return (
      <>
        <PageHeader
          title={selected.description || new URL(selected.url).host}
          breadcrumbs={[...BREADCRUMBS, { label: selected.description || new URL(selected.url).host }]}
          description={<code className="break">{selected.url}</code>}
        />
        {secretNotice}
        <EndpointDetail
          endpoint={selected}
          isAdmin={isAdmin}
          onChanged={endpoints.reload}
          onDeleted={() => {
            endpoints.reload();
            navigate("/integrations/endpoints");
          }}
        />
      </>
    );

  const columns: Column<OutboundEndpoint>[] = [
    {
      key: "url",
      header: "Endpoint",
      render: (e) => (
        <div className="stack" style={{ gap: 2 }}>
          <Link to={`/integrations/endpoints/${e.id}`} className="break">
            {e.description || e.url}
          </Link>
          {e.description ? <span className="muted small break">{e.url}</span> : null}
        </div>
      ),
    },
    {
      key: "types",
      header: "Receives",
      render: (e) =>
        e.eventTypes.length === 0 ? (
          "Every event"
        ) : (
          <span title={e.eventTypes.join(", ")}>{e.eventTypes.map(eventTypeLabel).join(", ")}</span>
        ),
    },
    {
      key: "state",
      header: "State",
      render: (e) => <EndpointStateBadge endpoint={e} />,
    },
  ];

  return (
    <>
      <PageHeader
        title="Outbound events"
        breadcrumbs={[{ label: "Integrations" }, { label: "Outbound events" }]}
        description="Endpoints of other systems (CRM, e-mail tool, warehouse) that receive registrations, attendance and more as signed Standard Webhooks events."
        actions={
          isAdmin ? (
            <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
              Add endpoint
            </Button>
          ) : null
        }
      />
      {secretNotice}
      {endpoints.data?.items
        .filter((e) => !e.enabled && e.disabledReason)
        .map((e) => (
          <Alert key={e.id} tone="danger" title={`${e.description || e.url} is disabled`}>
            {e.disabledReason} <Link to={`/integrations/endpoints/${e.id}`}>Open the endpoint</Link>
          </Alert>
        ))}
      <Card title="Endpoints" id="endpoints">
        <QueryView
          query={endpoints}
          empty={
            <EmptyState icon="server" title="No endpoints yet">
              {isAdmin
                ? "Add one to send events to another system as they happen."
                : "An admin can add endpoints that receive events."}
            </EmptyState>
          }
        >
          {(data) => (
            <DataTable caption="Outbound endpoints" columns={columns} rows={data.items} rowKey={(e) => e.id} />
          )}
        </QueryView>
      </Card>
      <EndpointDialog
        open={adding}
        endpoint={null}
        onClose={() => setAdding(false)}
        onSaved={(saved) => {
          setAdding(false);
          if ("secret" in saved) setCreated(saved);
          endpoints.reload();
        }}
      />
    </>
  );
}

export function EndpointStateBadge({ endpoint }: { endpoint: OutboundEndpoint }) {
  if (!endpoint.enabled) return <Badge tone="danger">Disabled</Badge>;
  if (endpoint.failingSince)
    return (
      <Badge tone="warning" title={`Deliveries fail since ${endpoint.failingSince}`}>
        Failing, since {formatRelative(endpoint.failingSince)}
      </Badge>
    );
  return <Badge tone="success">Enabled</Badge>;
}
