// The presentational parts of Sync activity: the queues' health and the runs' table with its pager.

import type { ConnectorList, OpsQueues, SyncRun, SyncRunPage } from "@gw/api-contract";
import { Link } from "react-router-dom";
import type { ApiState } from "../../api/use-api";
import { Badge, StatusBadge } from "../../components/Badge";
import { Blank, type Column, DataTable, figureColumn } from "../../components/DataTable";
import { Icon } from "../../components/Icon";
import { EmptyState, QueryView } from "../../components/States";
import { formatDuration, formatNumber, formatRelative, formatShortDateTime } from "../../lib/format";

const KIND: Record<string, string> = {
  DISCOVERY: "Discovery",
  BACKFILL: "Backfill",
  REGISTRANTS: "Registrants",
  ATTENDANCE: "Attendance",
  REGISTRATION_PUSH: "Form registration",
  WEBHOOK: "Webhook",
};

/** Each queue's backlog and failures. */
export function QueueHealth({ queues }: { queues: ApiState<OpsQueues> }) {
  return (
    <QueryView query={queues} rows={2} errorTitle="Queue health is unavailable">
      {(data) => (
        <div className="grid-stats card-body">
          {data.queues.map((q) => (
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
    </QueryView>
  );
}

/** The sync runs, newest first, named by connector; `newer` and `older` page (null: no such page). */
export function SyncRunsTable({
  runs,
  connectors,
  page,
  newer,
  older,
}: {
  runs: ApiState<SyncRunPage>;
  connectors: ConnectorList["items"];
  page: number;
  newer: (() => void) | null;
  older: (() => void) | null;
}) {
  const nameOf = (id: string | null) => connectors.find((c) => c.id === id)?.name;
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
      render: (r) => nameOf(r.connectorId) ?? <Blank />,
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
    <QueryView
      query={runs}
      empty={
        <EmptyState icon="activity" title="No sync runs yet">
          Runs appear once a verified connector syncs: discovery every 10 minutes, registrants on each webinar's
          schedule.
        </EmptyState>
      }
    >
      {(data) => (
        <>
          <DataTable
            caption="Recent sync runs"
            columns={columns}
            rows={data.items}
            rowKey={(r) => r.id}
            busy={runs.loading}
          />
          {newer || older ? (
            <nav className="pagination" aria-label="Pagination">
              <span>Page {page}</span>
              <span className="spacer" />
              <button type="button" className="btn btn-sm" disabled={!newer} onClick={() => newer?.()}>
                <Icon name="chevronLeft" size={14} /> Newer
              </button>
              <button type="button" className="btn btn-sm" disabled={!older} onClick={() => older?.()}>
                Older <Icon name="chevronRight" size={14} />
              </button>
            </nav>
          ) : null}
        </>
      )}
    </QueryView>
  );
}
