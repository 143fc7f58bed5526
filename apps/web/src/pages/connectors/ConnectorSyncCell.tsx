import type { Connector, ConnectorSyncStatus } from "@gw/api-contract";
import { NextSync } from "../../components/SyncNow";
import { formatNumber, formatRelative, formatShortDateTime } from "../../lib/format";

/**
 * The connector's sync at a glance: the initial sync's progress while it runs (the page polls),
 * then when it last synced and when it syncs next.
 */
export function ConnectorSyncCell({ connector, status }: { connector: Connector; status?: ConnectorSyncStatus }) {
  const lastSyncAt = status?.lastSyncAt ?? connector.lastSyncAt;
  // A connector whose syncs only ever failed has not "never" synced: say when it last tried.
  const failedAt = status?.lastFailedAt ?? (connector.status === "ERROR" ? connector.lastErrorAt : null);
  const failed = failedAt ? <span title={formatShortDateTime(failedAt)}>Failed {formatRelative(failedAt)}</span> : null;
  if (connector.status !== "VERIFIED" && !lastSyncAt) return failed ?? <span className="muted">Never</span>;
  const found = status?.webinarsFound ?? 0;
  const synced = status?.webinarsSynced ?? 0;
  return (
    <div className="stack" style={{ gap: 2, minWidth: 150 }} data-sync-state={status?.initial ? "initial" : "idle"}>
      {status?.initial ? (
        <div role="status" aria-live="polite">
          <div className="cell-title">Initial sync in progress</div>
          <progress
            className="sync-progress"
            max={Math.max(found, 1)}
            value={synced}
            aria-label={`Initial sync of ${connector.name}`}
          />
          <div className="cell-sub">
            {found === 0
              ? "Looking for webinars…"
              : `${formatNumber(synced)} of ${formatNumber(found)} webinars synced`}
          </div>
          <div className="cell-sub">{formatNumber(status.registrants)} registrants so far</div>
        </div>
      ) : lastSyncAt ? (
        <span title={formatShortDateTime(lastSyncAt)}>
          {status?.running ? "Syncing now · last " : ""}
          {formatRelative(lastSyncAt)}
        </span>
      ) : status?.running ? (
        <span className="muted">Syncing now…</span>
      ) : (
        (failed ?? <span className="muted">Not yet</span>)
      )}
      {connector.status === "VERIFIED" ? (
        <div className="cell-sub">
          Next: <NextSync at={status?.nextSyncAt} />
        </div>
      ) : null}
      {!status?.initial && status && found > 0 ? (
        <div className="cell-sub">
          {formatNumber(found)} webinars · {formatNumber(status.registrants)} registrants
        </div>
      ) : null}
    </div>
  );
}
