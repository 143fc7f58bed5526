import type { Connector, ConnectorSyncStatus } from "@gw/api-contract";
import { ConnectorStatusBadge } from "../../components/Badge";
import { Button, RowButton } from "../../components/Button";
import { Blank, type Column, DataTable } from "../../components/DataTable";
import { SyncNowButton } from "../../components/SyncNow";
import { ConnectorSyncCell } from "./ConnectorSyncCell";

/** The connectors with their state, last sync and actions; every action goes out as a callback. */
export function ConnectorsTable({
  list,
  statusOf,
  isAdmin,
  busyId,
  onVerify,
  onEdit,
  onSetEnabled,
  onDelete,
}: {
  list: Connector[];
  statusOf(id: string): ConnectorSyncStatus | undefined;
  /** Admins may queue a sync. */
  isAdmin: boolean;
  /** The connector whose change is under way. */
  busyId: string | null;
  onVerify(connector: Connector): void;
  onEdit(connector: Connector): void;
  onSetEnabled(connector: Connector, enabled: boolean): void;
  onDelete(connector: Connector): void;
}) {
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
            <Blank />
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
                loading={busyId === c.id}
                onClick={() => onVerify(c)}
                aria-label={`${c.status === "UNVERIFIED" ? "Verify" : "Re-verify"} ${c.name}`}
              >
                {c.status === "UNVERIFIED" ? "Verify" : "Re-verify"}
              </Button>
            ) : null}
            <RowButton icon="edit" onClick={() => onEdit(c)} label={`Edit ${c.name}`}>
              Edit
            </RowButton>
            <RowButton
              icon={c.status === "DISABLED" ? "play" : "pause"}
              disabled={busyId === c.id}
              onClick={() => onSetEnabled(c, c.status === "DISABLED")}
              label={`${c.status === "DISABLED" ? "Enable" : "Disable"} ${c.name}`}
            >
              {c.status === "DISABLED" ? "Enable" : "Disable"}
            </RowButton>
            <RowButton icon="trash" onClick={() => onDelete(c)} label={`Delete ${c.name}`} />
          </div>
        </>
      ),
    },
  ];

  return <DataTable caption="GoTo Webinar connectors" columns={columns} rows={list} rowKey={(c) => c.id} />;
}
