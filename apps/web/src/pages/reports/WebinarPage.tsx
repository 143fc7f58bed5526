import type { WebinarDetail } from "@gw/api-contract";
import { Link, useParams } from "react-router-dom";
import { useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";
import { WebinarStatusBadge } from "../../components/Badge";
import { ButtonLink } from "../../components/Button";
import { AttendanceMeter, RegistrationsChart } from "../../components/Chart";
import { type Column, DataTable, figureColumn } from "../../components/DataTable";
import { Card, PageHeader, Stat } from "../../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { NextSync, SyncNowButton } from "../../components/SyncNow";
import { WebinarWhen } from "../../components/WebinarWhen";
import { formatDateTime, formatNumber, formatPercent, formatRelative, formatShortDateTime } from "../../lib/format";
import { WebinarSourcesCard } from "./WebinarSources";

/** One webinar: its counts, registrations over time and attendance. */
export function WebinarPage() {
  const { id = "" } = useParams();
  const detail = useApi<WebinarDetail>(`/api/reports/webinars/${id}`);
  const isAdmin = useMe().user.role === "ADMIN";

  if (detail.error) {
    return (
      <>
        <PageHeader
          title="Webinar"
          breadcrumbs={[{ label: "Reports" }, { label: "Webinars", to: "/reports/webinars" }]}
        />
        <Card>
          <ErrorState error={detail.error} onRetry={detail.reload} />
        </Card>
      </>
    );
  }
  if (!detail.data) {
    return (
      <>
        <PageHeader
          title="Webinar"
          breadcrumbs={[{ label: "Reports" }, { label: "Webinars", to: "/reports/webinars" }]}
        />
        <Card>
          <LoadingState />
        </Card>
      </>
    );
  }

  const { webinar, sessions, registrationsPerDay, attendance, questions = [], program = null, sources } = detail.data;
  const drill = (segment: string) => `/reports/webinars/${webinar.id}/prospects?segment=${segment}`;

  return (
    <>
      <PageHeader
        title={webinar.subject}
        breadcrumbs={[
          { label: "Reports" },
          { label: "Webinars", to: webinar.finished ? "/reports/webinars?tab=finished" : "/reports/webinars" },
          { label: webinar.subject },
        ]}
        description={
          <span className="row">
            <WebinarStatusBadge status={webinar.status} />
            <span>{formatDateTime(webinar.startsAt)}</span>
            <span aria-hidden="true">·</span>
            <span>{webinar.connector.name}</span>
            <span aria-hidden="true">·</span>
            <span data-testid="webinar-sync">
              Synced{" "}
              {webinar.lastSyncedAt ? (
                <span title={formatShortDateTime(webinar.lastSyncedAt)}>{formatRelative(webinar.lastSyncedAt)}</span>
              ) : (
                "not yet"
              )}
              {webinar.status !== "CANCELLED" ? (
                <>
                  {" "}
                  · next <NextSync at={webinar.nextSyncAt} />
                </>
              ) : null}
            </span>
          </span>
        }
        actions={
          <>
            {isAdmin && webinar.status !== "CANCELLED" ? (
              <SyncNowButton
                path={`/api/webinars/${webinar.id}/sync`}
                name={webinar.subject}
                onQueued={detail.reload}
              />
            ) : null}
            <ButtonLink to={drill("registered")} variant="primary" icon="users">
              View registrants
            </ButtonLink>
          </>
        }
      />

      <section className="grid-stats" aria-label="Webinar figures">
        <Stat
          label="Registered"
          value={<Link to={drill("registered")}>{formatNumber(attendance.registered)}</Link>}
          sub="not cancelled"
        />
        <Stat
          label="Attended"
          value={
            attendance.attended === null ? "—" : <Link to={drill("attended")}>{formatNumber(attendance.attended)}</Link>
          }
          sub={webinar.finished ? "joined a session" : "after the webinar ends"}
        />
        <Stat
          label="Absent"
          value={attendance.absent === null ? "—" : <Link to={drill("absent")}>{formatNumber(attendance.absent)}</Link>}
          sub="registered, did not join"
        />
        <Stat
          label="Attendance rate"
          value={formatPercent(webinar.attendanceRate)}
          sub={
            attendance.averageMinutesAttended !== null
              ? `${Math.round(attendance.averageMinutesAttended)} min on average`
              : undefined
          }
        />
      </section>

      <div className="grid-2">
        <Card title="Registrations over time" id="registrations">
          <div className="card-body">
            {registrationsPerDay.length === 0 ? (
              <EmptyState icon="activity" title="No registrations yet" />
            ) : (
              <RegistrationsChart points={registrationsPerDay} title={`Registrations for ${webinar.subject}`} />
            )}
          </div>
        </Card>
        <div className="stack" style={{ gap: 20 }}>
          <Card title="Attendance" id="attendance">
            <div className="card-body">
              {webinar.finished && attendance.attended !== null && attendance.absent !== null ? (
                <div className="stack">
                  <AttendanceMeter attended={attendance.attended} absent={attendance.absent} />
                  <p className="muted small">
                    {formatNumber(attendance.totalMinutesAttended)} minutes watched in total. Attendance data arrives
                    from GoTo Webinar shortly after the webinar ends and is checked again later for late data.
                  </p>
                </div>
              ) : (
                <p className="muted">
                  Attendance appears once the webinar has ended: GoTo Webinar publishes attendees after each session.
                </p>
              )}
            </div>
          </Card>
          <Card title="Details" id="details">
            <dl className="dl card-body">
              <dt>Starts</dt>
              <dd>
                <WebinarWhen startsAt={webinar.startsAt} timeZone={webinar.timeZone} wrap />
              </dd>
              <dt>Ends</dt>
              <dd>{formatDateTime(webinar.endsAt)}</dd>
              <dt>Webinar key</dt>
              <dd>
                <code>{webinar.webinarKey}</code>
              </dd>
              {webinar.registrationUrl ? (
                <>
                  <dt>GoTo registration</dt>
                  <dd>
                    <a href={webinar.registrationUrl} target="_blank" rel="noreferrer">
                      Open page
                    </a>
                  </dd>
                </>
              ) : null}
              {webinar.description ? (
                <>
                  <dt>Description</dt>
                  <dd>{webinar.description}</dd>
                </>
              ) : null}
            </dl>
          </Card>
        </div>
      </div>

      <WebinarSourcesCard webinarId={webinar.id} sources={sources} finished={webinar.finished} />

      {program ? <SeriesCard program={program} webinarId={webinar.id} /> : null}

      {sessions.length > 1 || sessions.some((s) => s.registrantsAttended !== null || s.performance) ? (
        <SessionsCard sessions={sessions} />
      ) : null}

      {questions.length > 0 ? (
        <Card title={`Questions asked (${formatNumber(questions.length)})`} id="questions">
          <ul className="question-list">
            {questions.map((q) => (
              <li key={q.id}>
                <p>{q.question}</p>
                <p className="muted">
                  {q.prospect ? <Link to={`/prospects/${q.prospect.id}`}>{q.prospect.email}</Link> : q.askedBy}
                  {q.askedAt ? ` · ${formatDateTime(q.askedAt)}` : ""}
                </p>
                {q.answers.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers have no key of their own
                  <p key={i} className="question-answer">
                    Answer{a.answeredBy ? ` (${a.answeredBy})` : ""}: {a.answer}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

type Detail = WebinarDetail;
type Series = NonNullable<Detail["program"]>;

function SeriesCard({ program, webinarId }: { program: Series; webinarId: string }) {
  const columns: Column<Series["sessions"][number]>[] = [
    {
      key: "session",
      header: "Session",
      render: (s) => {
        const n = program.sessions.indexOf(s) + 1;
        return s.webinarId === webinarId ? (
          <strong>Session {n} (this one)</strong>
        ) : (
          <Link to={`/reports/webinars/${s.webinarId}`}>Session {n}</Link>
        );
      },
    },
    { key: "starts", header: "Starts", render: (s) => formatDateTime(s.startsAt) },
    {
      key: "registered",
      header: "Registered",
      align: "right",
      numeric: true,
      render: (s) => formatNumber(s.registered),
    },
    { key: "attended", header: "Attended", align: "right", numeric: true, render: (s) => formatNumber(s.attended) },
  ];
  return (
    <Card title={`Series: ${program.subject}`} id="program">
      <DataTable
        caption="Sessions of the series"
        columns={columns}
        rows={program.sessions}
        rowKey={(s) => s.webinarId}
        footer={
          <tr>
            <th scope="row" colSpan={2}>
              Whole series
            </th>
            <td className="right num">{formatNumber(program.totals.registered)}</td>
            <td className="right num">{formatNumber(program.totals.attended)}</td>
          </tr>
        }
      />
    </Card>
  );
}

const pct = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : `${Math.round(value)}%`;

function SessionsCard({ sessions }: { sessions: Detail["sessions"] }) {
  const columns: Column<Detail["sessions"][number]>[] = [
    { key: "starts", header: "Starts", render: (s) => formatDateTime(s.startsAt) },
    { key: "ends", header: "Ends", render: (s) => formatDateTime(s.endsAt) },
    figureColumn("attended", "Attended", (s) => formatNumber(s.registrantsAttended)),
    figureColumn("attendance", "Attendance", (s) => pct(s.performance?.percentageAttendance)),
    figureColumn("minutes", "Avg. minutes", (s) => formatNumber(s.performance?.averageMinutesAttended ?? null)),
    figureColumn("interest", "Interest", (s) => formatNumber(s.performance?.averageInterestRating ?? null)),
    figureColumn("questions", "Questions", (s) => formatNumber(s.performance?.questionsAsked ?? null)),
    figureColumn("polls", "Polls completed", (s) =>
      s.performance?.pollCount ? pct(s.performance.percentagePollsCompleted) : "—",
    ),
  ];
  return (
    <Card title="Sessions" id="sessions">
      <DataTable caption="Sessions and their performance" columns={columns} rows={sessions} rowKey={(s) => s.id} />
    </Card>
  );
}
