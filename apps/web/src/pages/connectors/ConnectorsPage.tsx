import type { Connector } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useMe } from "../../auth/AuthProvider";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/Dialog";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, EmptyState, QueryView } from "../../components/States";
import { useToast } from "../../components/Toast";
import { ConnectorDialog } from "./ConnectorDialog";
import { ConnectorsTable } from "./ConnectorsTable";
import { useConnectors } from "./use-connectors";

/** Admin > Connectors: one GoTo Webinar organizer per connector, verified through OAuth. */
export function ConnectorsPage() {
  const { connectors, webhooks, rowActions, remove, saved } = useConnectors();
  const isAdmin = useMe().user.role === "ADMIN";
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Connector | "new" | null>(params.get("add") ? "new" : null);
  const [deleting, setDeleting] = useState<Connector | null>(null);

  const list = connectors.data?.items ?? [];
  const verifiedId = params.get("verified");
  const verified = verifiedId ? list.find((c) => c.id === verifiedId) : undefined;
  const oauthError = params.get("error");
  const oauthMessage = params.get("message");

  useEffect(() => {
    if (params.get("add")) {
      const next = new URLSearchParams(params);
      next.delete("add");
      setParams(next, { replace: true });
    }
  }, [params, setParams]);

  const clearResult = () => setParams({}, { replace: true });

  return (
    <>
      <PageHeader
        title="Connectors"
        breadcrumbs={[{ label: "Admin" }, { label: "Connectors" }]}
        description="Each connector links one GoTo Webinar organizer. Verify it to start syncing webinars, registrants and attendance."
        actions={
          <Button variant="primary" icon="plus" onClick={() => setEditing("new")}>
            Add connector
          </Button>
        }
      />

      {verifiedId ? (
        <Alert tone="success" title="Connector verified" onDismiss={clearResult}>
          {verified
            ? `${verified.name} is connected to ${verified.organizerName ?? verified.organizerEmail ?? "the organizer"}${verified.organizerEmail ? ` (${verified.organizerEmail})` : ""}. Its initial sync runs now: follow its progress below.`
            : "The connector is connected. Its initial sync runs now: follow its progress below."}
        </Alert>
      ) : null}
      {oauthError ? (
        <Alert tone="danger" title="Verification did not complete" onDismiss={clearResult}>
          {oauthMessage ?? oauthError}
        </Alert>
      ) : null}
      {webhooks && !webhooks.reachable ? (
        <Alert tone="info" title="Webhooks are off">
          {webhooks.reason}
        </Alert>
      ) : null}

      <Card>
        <QueryView
          query={connectors}
          rows={4}
          empty={
            <EmptyState
              icon="plug"
              title="No connectors yet"
              action={
                <Button variant="primary" icon="plus" onClick={() => setEditing("new")}>
                  Add connector
                </Button>
              }
            >
              Add your GoTo Webinar organizer as a connector, then verify it. You can add one connector per organizer.
            </EmptyState>
          }
        >
          {(data) => (
            <ConnectorsTable
              list={data.items}
              isAdmin={isAdmin}
              {...rowActions}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          )}
        </QueryView>
      </Card>

      <ConnectorDialog
        open={editing !== null}
        connector={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(connector, created) => {
          saved(connector, created);
          toast.success(created ? `${connector.name} added. Verify it to start syncing.` : `${connector.name} saved.`);
          setEditing(null);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.name ?? "connector"}?`}
        message="Its syncing stops and its GoTo webhook subscriptions are removed. Prospects, registrations and activities it brought stay in your account."
        confirmLabel="Delete connector"
        onConfirm={async () => {
          if (!deleting) return;
          await remove(deleting);
        }}
      />
    </>
  );
}
