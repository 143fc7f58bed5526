import { Link } from "react-router-dom";
import { itemsOf } from "../api/client";
import type { Connector, OpsQueues, SyncRun } from "../api/types";
import { useApi } from "../api/use-api";
import { StatusBadge } from "../components/Badge";
import { buttonClass } from "../components/Button";
import { type Column, DataTable, Pagination } from "../components/DataTable";
import { SelectField } from "../components/Field";
import { Icon } from "../components/Icon";
import { Card, PageHeader } from "../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { formatDuration, formatNumber, formatRelative, formatShortDateTime } from "../lib/format";
import { useSearchState } from "../lib/use-search-state";

type RunsResponse = SyncRun[] | { items: SyncRun[]; total?: number; page?: number; pageSize?: number };
const DEFAULTS = { connectorId: "", status: "", page: "1" };
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
  const [state, set] = useSearchState(DEFAULTS);
  const connectors = useApi<Connector[] | { items: Connector[] }>("/api/connectors");
  const queues = useApi<OpsQueues>("/api/ops/queues");
  const runs = useApi<RunsResponse>("/api/sync-runs", {
    connectorId: state.connectorId,
    status: state.status,
    page: state.page,
    pageSize: PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const connectorList = itemsOf(connectors.data);
  const nameOf = (id: string | null) => connectorList.find((c) => c.id === id)?.name;
  const runList = itemsOf(runs.data);
  const paged = runs.data && !Array.isArray(runs.data) && typeof runs.data.total === "number" ? runs.data : undefined;

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
          {r.webinar ? (
            <Link to={`/reports/webinars/${r.webinar.id}`} className="cell-sub">
              {r.webinar.subject}
            </Link>
          ) : null}
        </div>
      ),
    },
    {
      key: "connector",
      header: "Connector",
      render: (r) => r.connector?.name ?? nameOf(r.connectorId) ?? <span className="muted">—</span>,
    },
    {
      key: "status",
      header: "Status",
      render: (r) => (
        <div style={{ maxWidth: 320 }}>
          <StatusBadge status={r.status} />
          {r.error ? (
            <div className="small" style={{ color: "var(--danger)", marginTop: 3 }}>
              {r.error}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: "fetched",
      header: "Fetched",
      align: "right",
      render: (r) => <span className="num">{formatNumber(r.fetched)}</span>,
    },
    {
      key: "created",
      header: "Created",
      align: "right",
      render: (r) => <span className="num">{formatNumber(r.created)}</span>,
    },
    {
      key: "updated",
      header: "Updated",
      align: "right",
      render: (r) => <span className="num">{formatNumber(r.updated)}</span>,
    },
    {
      key: "skipped",
      header: "Skipped",
      align: "right",
      render: (r) => <span className="num">{formatNumber(r.skipped)}</span>,
    },
    {
      key: "requests",
      header: "API calls",
      align: "right",
      render: (r) => <span className="num">{formatNumber(r.apiRequests)}</span>,
    },
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
          <a
            className={buttonClass("secondary")}
            href={queues.data?.dashboardPath ?? "/admin/queues"}
            target="_blank"
            rel="noreferrer"
          >
            <Icon name="server" /> Queue dashboard <Icon name="external" size={14} />
          </a>
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
                    <StatusBadge status="PAUSED" />
                  ) : q.failed > 0 ? (
                    <StatusBadge status="FAILED" />
                  ) : (
                    <StatusBadge status="SUCCEEDED" />
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

      <Card
        title="Recent sync runs"
        id="runs"
        actions={
          <div className="row">
            <SelectField
              label={<span className="sr-only">Connector</span>}
              value={state.connectorId}
              onChange={(e) => set({ connectorId: e.target.value })}
            >
              <option value="">All connectors</option>
              {connectorList.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={<span className="sr-only">Status</span>}
              value={state.status}
              onChange={(e) => set({ status: e.target.value })}
            >
              <option value="">Any status</option>
              <option value="FAILED">Failed</option>
              <option value="SUCCEEDED">Succeeded</option>
              <option value="RUNNING">Running</option>
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
            {paged ? (
              <Pagination
                page={paged.page ?? Number(state.page)}
                pageSize={paged.pageSize ?? PAGE_SIZE}
                total={paged.total ?? runList.length}
                noun="runs"
                onPage={(page) => set({ page })}
              />
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}
