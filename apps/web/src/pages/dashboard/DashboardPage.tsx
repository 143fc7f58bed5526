import type { ConnectorList, Page, ProspectRow, WebinarReportRow } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { type ApiState, useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";
import { ConnectorStatusBadge, WebinarStatusBadge } from "../../components/Badge";
import { ButtonLink } from "../../components/Button";
import { Card, PageHeader, Stat } from "../../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { WebinarWhen } from "../../components/WebinarWhen";
import { formatNumber, formatPercent, formatRelative } from "../../lib/format";

export function DashboardPage() {
  const me = useMe();
  const connectors = useApi<ConnectorList>("/api/connectors");
  const upcoming = useApi<Page<WebinarReportRow>>("/api/reports/webinars", { tab: "upcoming", pageSize: 6 });
  const finished = useApi<Page<WebinarReportRow>>("/api/reports/webinars", {
    tab: "finished",
    pageSize: 6,
    includeCancelled: false,
  });
  const prospects = useApi<Page<ProspectRow>>("/api/prospects", { pageSize: 1 });

  const list = connectors.data?.items ?? [];
  const verified = list.filter((c) => c.status === "VERIFIED").length;
  const needsAttention = list.filter((c) => c.status === "ERROR" || c.status === "UNVERIFIED");
  const finishedItems = finished.data?.items ?? [];
  const registeredFinished = finishedItems.reduce((sum, w) => sum + w.registered, 0);
  const attendedFinished = finishedItems.reduce((sum, w) => sum + (w.attended ?? 0), 0);

  return (
    <>
      <PageHeader
        title={`Welcome back${me.user.name ? `, ${me.user.name.split(" ")[0]}` : ""}`}
        description={`${me.account.name} · your GoTo Webinar registrations and attendance at a glance`}
        actions={
          <>
            <ButtonLink to="/forms/new" icon="form">
              New form
            </ButtonLink>
            <ButtonLink to="/reports/webinars" variant="primary" icon="video">
              Webinar reports
            </ButtonLink>
          </>
        }
      />

      {connectors.data && list.length === 0 ? (
        <Card>
          <EmptyState
            icon="plug"
            title="Connect your GoTo Webinar account"
            action={
              <ButtonLink to="/connectors?add=1" variant="primary" icon="plus">
                Add connector
              </ButtonLink>
            }
          >
            Add a connector and verify it: your webinars, registrants and attendees start syncing within minutes,
            including the past {90} days.
          </EmptyState>
        </Card>
      ) : null}

      <section className="grid-stats" aria-label="Key figures">
        <Stat label="Upcoming webinars" value={formatNumber(upcoming.data?.total)} sub="scheduled or live" />
        <Stat label="Finished webinars" value={formatNumber(finished.data?.total)} sub="with attendance" />
        <Stat
          label="Recent attendance"
          value={registeredFinished ? formatPercent(attendedFinished / registeredFinished) : "—"}
          sub={finishedItems.length ? `last ${finishedItems.length} finished webinars` : "no finished webinars yet"}
        />
        <Stat label="Prospects" value={formatNumber(prospects.data?.total)} sub="in this account" />
        <Stat label="Connectors" value={connectors.data ? `${verified} / ${list.length}` : "—"} sub="verified" />
      </section>

      <div className="grid-2">
        <div className="stack" style={{ gap: 20 }}>
          <Card title="Coming up" id="upcoming" actions={<Link to="/reports/webinars">All upcoming</Link>}>
            <WebinarList
              state={upcoming}
              empty="No upcoming webinars yet. They appear here after the next sync."
              finished={false}
            />
          </Card>
          <Card
            title="Recently finished"
            id="finished"
            actions={<Link to="/reports/webinars?tab=finished">All finished</Link>}
          >
            <WebinarList state={finished} empty="No finished webinars yet." finished />
          </Card>
        </div>
        <Card title="Connectors" id="connectors" actions={<Link to="/connectors">Manage</Link>}>
          {connectors.error ? (
            <ErrorState error={connectors.error} onRetry={connectors.reload} />
          ) : !connectors.data ? (
            <LoadingState rows={3} />
          ) : list.length === 0 ? (
            <EmptyState icon="plug" title="No connectors" />
          ) : (
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
        </Card>
      </div>
    </>
  );
}

function WebinarList({
  state,
  empty,
  finished,
}: {
  state: ApiState<Page<WebinarReportRow>>;
  empty: string;
  finished: boolean;
}) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingState rows={4} />;
  if (state.data.items.length === 0) return <EmptyState icon="calendar" title={empty} />;
  return (
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
          {state.data.items.map((w) => (
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
  );
}
