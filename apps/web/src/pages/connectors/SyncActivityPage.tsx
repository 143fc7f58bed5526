import type { ConnectorList, OpsQueues, SyncRun, SyncRunPage } from "@gw/api-contract";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";
import { Badge, StatusBadge } from "../../components/Badge";
import { buttonClass } from "../../components/Button";
import { type Column, DataTable, figureColumn } from "../../components/DataTable";
import { SelectField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { formatDuration, formatNumber, formatRelative, formatShortDateTime } from "../../lib/format";
import { useSearchState } from "../../lib/use-search-state";
import { ApiBudgetCard } from "./ApiBudgetCard";

const DEFAULTS = { connectorId: "" };
const PAGE_SIZE = 50;

const KIND: Record<string, string> = {
  DISCOVERY: "Discovery",
  BACKFILL: "Backfill",
  REGISTRANTS: "Registrants",
  ATTENDANCE: "Attendance",
  REGISTRATION_PUSH: "Form registration",
  WEBHOOK: "Webhook",
};

/** What the sync did, per connector; and whether the queues are keeping up. */
export function SyncActivityPage() {
  const me = useMe();
  const [state, set] = useSearchState(DEFAULTS);
  const connectors = useApi<ConnectorList>("/api/connectors");
  const queues = useApi<OpsQueues>("/api/ops/queues");
  // Newest first; older pages by cursor, kept on a stack so "Newer" can go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const runs = useApi<SyncRunPage>("/api/sync-runs", {
    connectorId: state.connectorId,
    limit: PAGE_SIZE,
    cursor: cursors[cursors.length - 1],
  });
  const connectorList = connectors.data?.items ?? [];
  const nameOf = (id: string | null) => connectorList.find((c) => c.id === id)?.name;
  const runList = runs.data?.items ?? [];
  const nextCursor = runs.data?.nextCursor ?? null;

  const columns: Column<SyncRun>[] = [
    {
      key: "started",
      header: "Started",
      render: (r) => (
        <span className="nowrap" title={formatShortDateTime(r.startedAt)}>
          {formatRelative(r.startedAt)}
        </span>
      ),
    },
    {
      key: "what",
      header: "Sync",
      render: (r) => (
        <div>
          <div className="cell-title">{KIND[r.kind] ?? r.kind}</div>
          {r.webinarId ? (
            <Link to={`/reports/webinars/${r.webinarId}`} className="cell-sub">
              {r.webinarSubject ?? "Open the webinar"}
            </Link>
          ) : null}
        </div>
      ),
    },
    {
      key: "connector",
      header: "Connector",
      render: (r) => nameOf(r.connectorId) ?? <span className="muted">—</span>,
    },
    {
      key: "status",
      header: "Status",
      render: (r) => (
        <div style={{ maxWidth: 320 }}>
          <StatusBadge status={r.status} />
          {r.problem ? (
            <div className="small" style={{ color: "var(--danger)", marginTop: 3 }} title={r.error ?? ""}>
              {r.problem.message} {r.problem.action}
            </div>
          ) : null}
        </div>
      ),
    },
    figureColumn("fetched", "Fetched", (r) => formatNumber(r.fetched)),
    figureColumn("created", "Created", (r) => formatNumber(r.created)),
    figureColumn("updated", "Updated", (r) => formatNumber(r.updated)),
    figureColumn("skipped", "Skipped", (r) => formatNumber(r.skipped)),
    figureColumn("requests", "API calls", (r) => formatNumber(r.apiRequests)),
    {
      key: "duration",
      header: "Took",
      align: "right",
      render: (r) => <span className="num nowrap">{formatDuration(r.durationMs)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title="Sync activity"
        breadcrumbs={[{ label: "Admin" }, { label: "Sync activity" }]}
        description="Every sync job with what it fetched and changed, and the health of the job queues."
        actions={
          // The dashboard shows every account's jobs: operators of the installation only.
          me.user.operator ? (
            <a
              className={buttonClass("secondary")}
              href={queues.data?.dashboardPath ?? "/admin/queues"}
              target="_blank"
              rel="noreferrer"
            >
              <Icon name="server" /> Queue dashboard <Icon name="external" size={14} />
            </a>
          ) : undefined
        }
      />

      <Card
        title="Queue health"
        id="queues"
        actions={
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={queues.reload}
            aria-label="Refresh queue health"
          >
            <Icon name="refresh" size={14} />
          </button>
        }
      >
        {queues.error ? (
          <ErrorState error={queues.error} onRetry={queues.reload} title="Queue health is unavailable" />
        ) : !queues.data ? (
          <LoadingState rows={2} />
        ) : (
          <div className="grid-stats card-body">
            {queues.data.queues.map((q) => (
              <div key={q.name} className="card stat" style={{ boxShadow: "none" }}>
                <span className="label row" style={{ justifyContent: "space-between" }}>
                  <span style={{ textTransform: "capitalize" }}>{q.name}</span>
                  {q.paused ? (
                    <Badge>Paused</Badge>
                  ) : q.failed > 0 ? (
                    <Badge tone="danger">{q.failed} failed</Badge>
                  ) : (
                    <Badge tone="success">Healthy</Badge>
                  )}
                </span>
                <span className="value">{formatNumber(q.waiting + q.active + q.delayed)}</span>
                <span className="sub">
                  {q.waiting} waiting · {q.active} active · {q.delayed} delayed · {q.failed} failed
                </span>
              </div>
            ))}
          </div>
        )}
      </Card>

      <ApiBudgetCard />

      <Card
        title="Recent sync runs"
        id="runs"
        actions={
          <div className="row">
            <SelectField
              label={<span className="sr-only">Connector</span>}
              value={state.connectorId}
              onChange={(e) => {
                setCursors([]);
                set({ connectorId: e.target.value });
              }}
            >
              <option value="">All connectors</option>
              {connectorList.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <button type="button" className="btn btn-ghost btn-sm" onClick={runs.reload} aria-label="Refresh sync runs">
              <Icon name="refresh" size={14} />
            </button>
          </div>
        }
      >
        {runs.error ? (
          <ErrorState error={runs.error} onRetry={runs.reload} />
        ) : !runs.data ? (
          <LoadingState />
        ) : runList.length === 0 ? (
          <EmptyState icon="activity" title="No sync runs yet">
            Runs appear once a verified connector syncs: discovery every 10 minutes, registrants on each webinar's
            schedule.
          </EmptyState>
        ) : (
          <>
            <DataTable
              caption="Recent sync runs"
              columns={columns}
              rows={runList}
              rowKey={(r) => r.id}
              busy={runs.loading}
            />
            {cursors.length || nextCursor ? (
              <nav className="pagination" aria-label="Pagination">
                <span>Page {cursors.length + 1}</span>
                <span className="spacer" />
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={cursors.length === 0}
                  onClick={() => setCursors((list) => list.slice(0, -1))}
                >
                  <Icon name="chevronLeft" size={14} /> Newer
                </button>
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={!nextCursor}
                  onClick={() => nextCursor && setCursors((list) => [...list, nextCursor])}
                >
                  Older <Icon name="chevronRight" size={14} />
                </button>
              </nav>
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}
