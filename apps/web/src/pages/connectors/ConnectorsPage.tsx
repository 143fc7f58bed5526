import type { Connector, ConnectorList, ConnectorSyncStatusList, OpsInfo } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { del, errorMessage, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";
import { ConnectorStatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, DataTable } from "../../components/DataTable";
import { ConfirmDialog } from "../../components/Dialog";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, EmptyState, ErrorState, LoadingState } from "../../components/States";
import { SyncNowButton } from "../../components/SyncNow";
import { useToast } from "../../components/Toast";
import { ConnectorDialog } from "./ConnectorDialog";
import { ConnectorSyncCell } from "./ConnectorSyncCell";

/** How often the page refreshes itself: quickly while a sync runs, slowly otherwise. */
const POLL_SYNCING_MS = 2_000;
const POLL_IDLE_MS = 30_000;

const isSyncing = (status: ConnectorSyncStatusList | undefined) =>
  (status?.items ?? []).some((s) => s.initial || s.running);
const pollEvery = (status: ConnectorSyncStatusList | undefined) => (isSyncing(status) ? POLL_SYNCING_MS : POLL_IDLE_MS);

/** Admin > Connectors: one GoTo Webinar organizer per connector, verified through OAuth. */
export function ConnectorsPage() {
  const syncStatus = useApi<ConnectorSyncStatusList>("/api/connectors/sync-status", undefined, {
    refetchInterval: pollEvery,
  });
  // The connector row too: a sync that fails turns it to ERROR with its explanation.
  const connectors = useApi<ConnectorList>("/api/connectors", undefined, {
    refetchInterval: pollEvery(syncStatus.data),
  });
  const info = useApi<OpsInfo>("/api/ops/info");
  const isAdmin = useMe().user.role === "ADMIN";
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Connector | "new" | null>(params.get("add") ? "new" : null);
  const [deleting, setDeleting] = useState<Connector | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const list = connectors.data?.items ?? [];
  const verifiedId = params.get("verified");
  const verified = verifiedId ? list.find((c) => c.id === verifiedId) : undefined;
  const oauthError = params.get("error");
  const oauthMessage = params.get("message");
  const statusOf = (id: string) => syncStatus.data?.items.find((s) => s.connectorId === id);

  useEffect(() => {
    if (params.get("add")) {
      const next = new URLSearchParams(params);
      next.delete("add");
      setParams(next, { replace: true });
    }
  }, [params, setParams]);

  const clearResult = () => setParams({}, { replace: true });

  const verify = async (connector: Connector) => {
    setBusy(connector.id);
    try {
      const { authorizationUrl } = await post<{ authorizationUrl: string }>(`/api/connectors/${connector.id}/verify`);
      // GoTo's consent page, which sends the browser back to /oauth/callback, then here.
      window.location.assign(authorizationUrl);
    } catch (error) {
      toast.error(errorMessage(error));
      setBusy(null);
    }
  };

  const setEnabled = async (connector: Connector, enabled: boolean) => {
    setBusy(connector.id);
    try {
      const updated = await post<Connector>(`/api/connectors/${connector.id}/${enabled ? "enable" : "disable"}`);
      connectors.setData((data) => replaceIn(data, updated));
      toast.success(
        enabled ? `${connector.name} is enabled again.` : `${connector.name} is disabled: its syncs are paused.`,
      );
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<Connector>[] = [
    {
      key: "connector",
      header: "Connector",
      render: (c) => (
        <>
          <div className="cell-title">{c.name}</div>
          <div className="cell-sub">{c.connectorUserEmail}</div>
          <div className="cell-sub">{c.createProspects ? "Creates prospects" : "Existing prospects only"}</div>
        </>
      ),
    },
    {
      key: "status",
      header: "Status",
      render: (c) => (
        <>
          <div style={{ maxWidth: 280 }}>
            <ConnectorStatusBadge status={c.status} />
            {c.status === "ERROR" && c.problem ? (
              <div className="small" style={{ color: "var(--danger)", marginTop: 4 }} title={c.lastError ?? ""}>
                {c.problem.message} <strong>{c.problem.action}</strong>
              </div>
            ) : null}
            {c.status === "UNVERIFIED" ? <div className="cell-sub">Verify to start syncing</div> : null}
          </div>
        </>
      ),
    },
    {
      key: "organizer",
      header: "Organizer",
      render: (c) => (
        <>
          {c.organizerEmail ? (
            <>
              <div>{c.organizerName ?? c.organizerEmail}</div>
              {c.organizerName ? <div className="cell-sub">{c.organizerEmail}</div> : null}
            </>
          ) : (
            <span className="muted">—</span>
          )}
        </>
      ),
    },
    {
      key: "campaign",
      header: "Campaign",
      render: (c) => <>{c.campaign?.name ?? <span className="muted">None</span>}</>,
    },
    {
      key: "sync",
      header: "Last sync",
      render: (c) => (
        <>
          <ConnectorSyncCell connector={c} status={statusOf(c.id)} />
        </>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      align: "right",
      render: (c) => (
        <>
          <div className="row" style={{ justifyContent: "flex-end", maxWidth: 360, marginLeft: "auto" }}>
            {isAdmin && c.status === "VERIFIED" ? (
              <SyncNowButton path={`/api/connectors/${c.id}/sync`} name={c.name} />
            ) : null}
            {c.status !== "DISABLED" ? (
              <Button
                size="sm"
                variant={c.status === "VERIFIED" ? "secondary" : "primary"}
                icon={c.status === "VERIFIED" ? "refresh" : "checkCircle"}
                loading={busy === c.id}
                onClick={() => void verify(c)}
                aria-label={`${c.status === "UNVERIFIED" ? "Verify" : "Re-verify"} ${c.name}`}
              >
                {c.status === "UNVERIFIED" ? "Verify" : "Re-verify"}
              </Button>
            ) : null}
            <Button size="sm" variant="ghost" icon="edit" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              icon={c.status === "DISABLED" ? "play" : "pause"}
              disabled={busy === c.id}
              onClick={() => void setEnabled(c, c.status === "DISABLED")}
              aria-label={`${c.status === "DISABLED" ? "Enable" : "Disable"} ${c.name}`}
            >
              {c.status === "DISABLED" ? "Enable" : "Disable"}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              icon="trash"
              onClick={() => setDeleting(c)}
              aria-label={`Delete ${c.name}`}
            />
          </div>
        </>
      ),
    },
  ];

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
      {info.data && !info.data.webhooks.reachable ? (
        <Alert tone="info" title="Webhooks are off">
          {info.data.webhooks.reason}
        </Alert>
      ) : null}

      <Card>
        {connectors.error ? (
          <ErrorState error={connectors.error} onRetry={connectors.reload} />
        ) : !connectors.data ? (
          <LoadingState rows={4} />
        ) : list.length === 0 ? (
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
        ) : (
          <DataTable caption="GoTo Webinar connectors" columns={columns} rows={list} rowKey={(c) => c.id} />
        )}
      </Card>

      <ConnectorDialog
        open={editing !== null}
        connector={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          connectors.setData((data) => (created ? { items: [...(data?.items ?? []), saved] } : replaceIn(data, saved)));
          toast.success(created ? `${saved.name} added. Verify it to start syncing.` : `${saved.name} saved.`);
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
          await del(`/api/connectors/${deleting.id}`);
          connectors.setData((data) => ({ items: (data?.items ?? []).filter((c) => c.id !== deleting.id) }));
          toast.success(`${deleting.name} deleted.`);
        }}
      />
    </>
  );
}

function replaceIn(data: ConnectorList | undefined, updated: Connector): ConnectorList {
  return { items: (data?.items ?? []).map((c) => (c.id === updated.id ? updated : c)) };
}
