import type { AttendanceTrend, ConnectorList, Page, Segment, WebinarReportRow } from "@gw/api-contract";
import { useRef } from "react";
import { Link } from "react-router-dom";
import { withQuery } from "../../api/client";
import { type ApiState, useApi } from "../../api/use-api";
import { WebinarStatusBadge } from "../../components/Badge";
import { Button, buttonClass } from "../../components/Button";
import { type Column, DataTable, Pagination } from "../../components/DataTable";
import { SearchInput, SelectField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { TabPanel, Tabs } from "../../components/Tabs";
import { AttendanceTrendChart } from "../../components/TrendChart";
import { WebinarWhen } from "../../components/WebinarWhen";
import { presetOf, presetRange, RANGE_PRESETS } from "../../lib/date-range";
import { formatNumber, formatPercent, viewerZone } from "../../lib/format";
import { nextSort, useDebounced, useSearchState } from "../../lib/use-search-state";

type Tab = "upcoming" | "finished";
const DEFAULTS = {
  tab: "upcoming",
  q: "",
  connectorId: "",
  from: "",
  to: "",
  page: "1",
  pageSize: "25",
  sort: "",
  order: "",
};

/** Reports > Webinars: upcoming and finished webinars with counts that open the drill-down. */
export function WebinarsReportPage() {
  const [state, set] = useSearchState(DEFAULTS);
  const tab = (state.tab === "finished" ? "finished" : "upcoming") as Tab;
  const q = useDebounced(state.q, 250);
  const connectors = useApi<ConnectorList>("/api/connectors");
  // A reversed range is not sent: the table keeps the last range that made sense.
  const rangeError = state.from && state.to && state.from > state.to ? "The end is before the start." : undefined;
  const lastGoodRange = useRef({ from: "", to: "" });
  if (!rangeError) lastGoodRange.current = { from: state.from, to: state.to };
  const { from, to } = lastGoodRange.current;
  const range = { from, to, timeZone: from || to ? viewerZone : "" };
  const filter = { q, connectorId: state.connectorId, ...range };
  const tableQuery = { tab, ...filter, sort: state.sort, order: state.order };
  const report = useApi<Page<WebinarReportRow>>("/api/reports/webinars", {
    ...tableQuery,
    page: state.page,
    pageSize: state.pageSize,
  });
  const trend = useApi<AttendanceTrend>(tab === "finished" ? "/api/reports/webinars/trend" : null, filter);
  const csvHref = withQuery("/api/reports/webinars.csv", tableQuery);
  const preset = presetOf({ from: state.from, to: state.to });
  const filtered = Boolean(q || state.connectorId || state.from || state.to);

  const finished = tab === "finished";
  const countLink = (w: WebinarReportRow, segment: Segment, value: number | null, label: string) =>
    value === null ? (
      <span className="muted">—</span>
    ) : (
      <Link
        className="count-link"
        to={`/reports/webinars/${w.id}/prospects?segment=${segment}`}
        aria-label={`${formatNumber(value)} ${label} for ${w.subject}`}
      >
        {formatNumber(value)}
      </Link>
    );

  const columns: Column<WebinarReportRow>[] = [
    {
      key: "subject",
      header: "Webinar",
      sortKey: "subject",
      render: (w) => (
        <div>
          <Link to={`/reports/webinars/${w.id}`} className="cell-title">
            {w.subject}
          </Link>
          {w.program ? <div className="cell-sub">Session of the series “{w.program.subject}”</div> : null}
          {w.status === "LIVE" || w.status === "CANCELLED" ? (
            <div style={{ marginTop: 3 }}>
              <WebinarStatusBadge status={w.status} />
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: "when",
      header: "Date and time",
      sortKey: "startsAt",
      render: (w) => <WebinarWhen startsAt={w.startsAt} timeZone={w.timeZone} />,
    },
    { key: "connector", header: "Connector", render: (w) => <span className="nowrap">{w.connector.name}</span> },
    {
      key: "registered",
      header: "Registered",
      sortKey: "registered",
      align: "right",
      render: (w) => countLink(w, "registered", w.registered, "registered"),
    },
  ];
  if (finished) {
    columns.push(
      {
        key: "attended",
        header: "Attended",
        sortKey: "attended",
        align: "right",
        render: (w) => countLink(w, "attended", w.attended, "attended"),
      },
      {
        key: "absent",
        header: "Absent",
        sortKey: "absent",
        align: "right",
        render: (w) => countLink(w, "absent", w.absent, "absent"),
      },
      {
        key: "rate",
        header: "Attendance rate",
        sortKey: "attendanceRate",
        align: "right",
        render: (w) =>
          w.attendanceRate === null ? (
            <span className="muted">—</span>
          ) : (
            <span className="rate">
              <span className="num">{formatPercent(w.attendanceRate)}</span>
              <span className="rate-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(w.attendanceRate * 100)}%` }} />
              </span>
            </span>
          ),
      },
    );
  }

  const sortState = {
    sort: state.sort || "startsAt",
    order: (state.order || (finished ? "desc" : "asc")) as "asc" | "desc",
  };

  return (
    <>
      <PageHeader
        title="Webinars"
        breadcrumbs={[{ label: "Reports" }, { label: "Webinars" }]}
        description="Registrations and attendance for every webinar of your verified connectors. Click a number to see the people behind it."
      />
      <Card>
        <Tabs<Tab>
          label="Webinars"
          idPrefix="webinars"
          selected={tab}
          onSelect={(key) => set({ tab: key, sort: "", order: "" })}
          tabs={[
            { key: "upcoming", label: "Upcoming" },
            { key: "finished", label: "Finished" },
          ]}
        />
        <TabPanel idPrefix="webinars" selected={tab}>
          <div className="card-header" style={{ borderBottom: "1px solid var(--border)" }}>
            <SearchInput
              label="Search webinars by subject"
              value={state.q}
              onChange={(value) => set({ q: value })}
              placeholder="Search subject…"
            />
            <span className="spacer" />
            <SelectField
              label={<span className="sr-only">Connector</span>}
              value={state.connectorId}
              onChange={(e) => set({ connectorId: e.target.value })}
            >
              <option value="">All connectors</option>
              {(connectors.data?.items ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <a className={buttonClass("secondary")} href={csvHref} download>
              <Icon name="download" /> Export CSV
            </a>
          </div>
          <fieldset className="card-header range-bar" style={{ borderBottom: "1px solid var(--border)" }}>
            <legend className="sr-only">Webinars starting between</legend>
            <TextField
              label="Starting from"
              type="date"
              value={state.from}
              max={state.to || undefined}
              onChange={(e) => set({ from: e.target.value })}
            />
            <TextField
              label="Until"
              type="date"
              value={state.to}
              min={state.from || undefined}
              error={rangeError}
              onChange={(e) => set({ to: e.target.value })}
            />
            <div className="row" style={{ gap: 6, flexWrap: "wrap" }}>
              {RANGE_PRESETS.map((p) => (
                <Button
                  key={p.key}
                  size="sm"
                  variant={preset === p.key ? "primary" : "secondary"}
                  aria-pressed={preset === p.key}
                  onClick={() => set(presetRange(p.key))}
                >
                  {p.label}
                </Button>
              ))}
              {state.from || state.to ? (
                <Button size="sm" variant="ghost" onClick={() => set({ from: "", to: "" })}>
                  All dates
                </Button>
              ) : null}
            </div>
          </fieldset>
          {report.error ? (
            <ErrorState error={report.error} onRetry={report.reload} />
          ) : !report.data ? (
            <LoadingState />
          ) : report.data.items.length === 0 ? (
            <EmptyState
              icon="calendar"
              title={filtered ? "No webinars match" : finished ? "No finished webinars yet" : "No upcoming webinars"}
            >
              {filtered
                ? "Try another search, connector or dates."
                : "Webinars appear here after your connectors sync (new ones within 10 minutes)."}
            </EmptyState>
          ) : (
            <>
              <DataTable
                caption={`${finished ? "Finished" : "Upcoming"} webinars`}
                columns={columns}
                rows={report.data.items}
                rowKey={(w) => w.id}
                sort={sortState}
                onSort={(key) => {
                  const next = nextSort(sortState, key, key === "subject" ? "asc" : "desc");
                  set({ sort: next.sort, order: next.order });
                }}
                busy={report.loading}
              />
              <Pagination
                page={report.data.page}
                pageSize={report.data.pageSize}
                total={report.data.total}
                noun="webinars"
                onPage={(page) => set({ page })}
                onPageSize={(size) => set({ pageSize: size })}
              />
            </>
          )}
        </TabPanel>
      </Card>
      {finished ? <TrendCard trend={trend} /> : null}
    </>
  );
}

function TrendCard({ trend }: { trend: ApiState<AttendanceTrend> }) {
  const items = trend.data?.items ?? [];
  return (
    <Card id="attendance-trend" title="Attendance trend">
      <div className="card-body">
        {trend.error ? (
          <ErrorState error={trend.error} onRetry={trend.reload} />
        ) : !trend.data ? (
          <LoadingState />
        ) : items.length === 0 ? (
          <EmptyState icon="calendar" title="No finished webinars to compare">
            The trend shows attendance across the finished webinars that match the filters above.
          </EmptyState>
        ) : (
          <>
            {trend.data.total > items.length ? (
              <p className="muted">
                The newest {items.length} of {formatNumber(trend.data.total)} finished webinars. Narrow the dates to see
                older ones.
              </p>
            ) : null}
            <AttendanceTrendChart points={items} title="Attendance across webinars" />
          </>
        )}
      </div>
    </Card>
  );
}
