// The presentational parts of the dashboard: its key figures, webinar lists and connectors.

import type { ConnectorList, Page, WebinarReportRow } from "@gw/api-contract";
import { Link } from "react-router-dom";
import type { ApiState } from "../../api/use-api";
import { ConnectorStatusBadge, WebinarStatusBadge } from "../../components/Badge";
import { ButtonLink } from "../../components/Button";
import { Stat } from "../../components/Layout";
import { EmptyState, QueryView } from "../../components/States";
import { WebinarWhen } from "../../components/WebinarWhen";
import { formatNumber, formatPercent, formatRelative } from "../../lib/format";
import type { DashboardFigures } from "./use-dashboard";

export function KeyFigures({ figures }: { figures: DashboardFigures }) {
  return (
    <section className="grid-stats" aria-label="Key figures">
      <Stat label="Upcoming webinars" value={formatNumber(figures.upcoming)} sub="scheduled or live" />
      <Stat label="Finished webinars" value={formatNumber(figures.finished)} sub="with attendance" />
      <Stat
        label="Recent attendance"
        value={figures.recentAttendance !== null ? formatPercent(figures.recentAttendance) : "—"}
        sub={figures.recentFinished ? `last ${figures.recentFinished} finished webinars` : "no finished webinars yet"}
      />
      <Stat label="Prospects" value={formatNumber(figures.prospects)} sub="in this account" />
      <Stat
        label="Connectors"
        value={figures.connectors ? `${figures.connectors.verified} / ${figures.connectors.total}` : "—"}
        sub="verified"
      />
    </section>
  );
}

/** The account's connectors with their state, and a link to review those that need attention. */
export function ConnectorSummary({ connectors }: { connectors: ApiState<ConnectorList> }) {
  const list = connectors.data?.items ?? [];
  const needsAttention = list.filter((c) => c.status === "ERROR" || c.status === "UNVERIFIED");
  return (
    <QueryView query={connectors} rows={3} empty={<EmptyState icon="plug" title="No connectors" />}>
      {() => (
        <ul className="stack card-body" style={{ listStyle: "none", margin: 0, gap: 14 }}>
          {list.map((c) => (
            <li key={c.id} className="stack" style={{ gap: 4 }}>
              <div className="row">
                <strong style={{ flex: 1 }}>{c.name}</strong>
                <ConnectorStatusBadge status={c.status} />
              </div>
              <span className="muted small">
                {c.organizerEmail ?? c.connectorUserEmail} · last sync {formatRelative(c.lastSyncAt)}
              </span>
              {c.status === "ERROR" && c.lastError ? (
                <span className="small" style={{ color: "var(--danger)" }}>
                  {c.lastError}
                </span>
              ) : null}
            </li>
          ))}
          {needsAttention.length ? (
            <li>
              <ButtonLink to="/connectors" size="sm">
                Review {needsAttention.length} connector{needsAttention.length === 1 ? "" : "s"}
              </ButtonLink>
            </li>
          ) : null}
        </ul>
      )}
    </QueryView>
  );
}

export function WebinarList({
  state,
  empty,
  finished,
}: {
  state: ApiState<Page<WebinarReportRow>>;
  empty: string;
  finished: boolean;
}) {
  return (
    <QueryView query={state} rows={4} empty={<EmptyState icon="calendar" title={empty} />}>
      {(data) => (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{finished ? "Recently finished webinars" : "Upcoming webinars"}</caption>
            <thead>
              <tr>
                <th scope="col">Webinar</th>
                <th scope="col">When</th>
                <th scope="col" className="right">
                  Registered
                </th>
                {finished ? (
                  <th scope="col" className="right">
                    Attended
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={`/reports/webinars/${w.id}`} className="cell-title">
                      {w.subject}
                    </Link>
                    <div className="row" style={{ marginTop: 2 }}>
                      {w.status === "LIVE" ? <WebinarStatusBadge status="LIVE" /> : null}
                      <span className="cell-sub">{w.connector.name}</span>
                    </div>
                  </td>
                  <td>
                    <WebinarWhen startsAt={w.startsAt} timeZone={w.timeZone} />
                  </td>
                  <td className="right num">{formatNumber(w.registered)}</td>
                  {finished ? (
                    <td className="right num">
                      {formatNumber(w.attended)} <span className="cell-sub">({formatPercent(w.attendanceRate)})</span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryView>
  );
}
