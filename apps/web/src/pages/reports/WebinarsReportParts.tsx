// The presentational parts of Reports > Webinars: the filters, the table and the attendance trend.

import type { AttendanceTrend, Page, Segment, WebinarReportRow } from "@gw/api-contract";
import { Link } from "react-router-dom";
import type { ApiState } from "../../api/use-api";
import { WebinarStatusBadge } from "../../components/Badge";
import { Button, CsvLink } from "../../components/Button";
import { ConnectorFilter } from "../../components/ConnectorFilter";
import { Blank, type Column, DataTable, Pagination, type SortState } from "../../components/DataTable";
import { QuerySearch, TextField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { EmptyState, QueryView } from "../../components/States";
import { AttendanceTrendChart } from "../../components/TrendChart";
import { WebinarWhen } from "../../components/WebinarWhen";
import { presetRange, RANGE_PRESETS } from "../../lib/date-range";
import { formatNumber, formatPercent } from "../../lib/format";
import type { WebinarsFilterProps } from "./use-webinars-report";

/** The table's columns; finished webinars add attendance, each count opening the people behind it. */
export function webinarColumns(finished: boolean): Column<WebinarReportRow>[] {
  const countLink = (w: WebinarReportRow, segment: Segment, value: number | null, label: string) =>
    value === null ? (
      <Blank />
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
            <Blank />
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

  return columns;
}

/** Search, connector, CSV export and the date range; every change goes to `onChange` (the URL state). */
export function WebinarsFilters({ state, connectors, preset, rangeError, csvHref, onChange }: WebinarsFilterProps) {
  return (
    <>
      <div className="card-header" style={{ borderBottom: "1px solid var(--border)" }}>
        <QuerySearch label="Search webinars by subject" placeholder="Search subject…" q={state.q} set={onChange} />
        <span className="spacer" />
        <ConnectorFilter
          connectors={connectors}
          value={state.connectorId}
          onChange={(connectorId) => onChange({ connectorId })}
        />
        <CsvLink href={csvHref} />
      </div>
      <fieldset className="card-header range-bar" style={{ borderBottom: "1px solid var(--border)" }}>
        <legend className="sr-only">Webinars starting between</legend>
        <TextField
          label="Starting from"
          type="date"
          value={state.from}
          max={state.to || undefined}
          onChange={(e) => onChange({ from: e.target.value })}
        />
        <TextField
          label="Until"
          type="date"
          value={state.to}
          min={state.from || undefined}
          error={rangeError}
          onChange={(e) => onChange({ to: e.target.value })}
        />
        <div className="row" style={{ gap: 6, flexWrap: "wrap" }}>
          {RANGE_PRESETS.map((p) => (
            <Button
              key={p.key}
              size="sm"
              variant={preset === p.key ? "primary" : "secondary"}
              aria-pressed={preset === p.key}
              onClick={() => onChange(presetRange(p.key))}
            >
              {p.label}
            </Button>
          ))}
          {state.from || state.to ? (
            <Button size="sm" variant="ghost" onClick={() => onChange({ from: "", to: "" })}>
              All dates
            </Button>
          ) : null}
        </div>
      </fieldset>
    </>
  );
}

/** The page of webinars, or why there is none. */
export function WebinarsTable({
  report,
  finished,
  filtered,
  sort,
  onSort,
  onPage,
  onPageSize,
}: {
  report: ApiState<Page<WebinarReportRow>>;
  finished: boolean;
  filtered: boolean;
  sort: SortState;
  onSort(key: string): void;
  onPage(page: number): void;
  onPageSize(size: number): void;
}) {
  const columns = webinarColumns(finished);
  return (
    <QueryView
      query={report}
      empty={
        <EmptyState
          icon="calendar"
          title={filtered ? "No webinars match" : finished ? "No finished webinars yet" : "No upcoming webinars"}
        >
          {filtered
            ? "Try another search, connector or dates."
            : "Webinars appear here after your connectors sync (new ones within 10 minutes)."}
        </EmptyState>
      }
    >
      {(data) => (
        <>
          <DataTable
            caption={`${finished ? "Finished" : "Upcoming"} webinars`}
            columns={columns}
            rows={data.items}
            rowKey={(w) => w.id}
            sort={sort}
            onSort={onSort}
            busy={report.loading}
          />
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            noun="webinars"
            onPage={onPage}
            onPageSize={onPageSize}
          />
        </>
      )}
    </QueryView>
  );
}

export function TrendCard({ trend }: { trend: ApiState<AttendanceTrend> }) {
  return (
    <Card id="attendance-trend" title="Attendance trend">
      <div className="card-body">
        <QueryView
          query={trend}
          empty={
            <EmptyState icon="calendar" title="No finished webinars to compare">
              The trend shows attendance across the finished webinars that match the filters above.
            </EmptyState>
          }
        >
          {({ items, total }) => (
            <>
              {total > items.length ? (
                <p className="muted">
                  The newest {items.length} of {formatNumber(total)} finished webinars. Narrow the dates to see older
                  ones.
                </p>
              ) : null}
              <AttendanceTrendChart points={items} title="Attendance across webinars" />
            </>
          )}
        </QueryView>
      </div>
    </Card>
  );
}
