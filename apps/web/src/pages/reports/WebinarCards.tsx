// The presentational parts of a webinar's report page: each renders from the webinar's detail.

import type { WebinarDetail } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { AttendanceMeter, RegistrationsChart } from "../../components/Chart";
import { type Column, DataTable, figureColumn } from "../../components/DataTable";
import { Card, Stat } from "../../components/Layout";
import { EmptyState } from "../../components/States";
import { WebinarWhen } from "../../components/WebinarWhen";
import { formatDateTime, formatNumber, formatPercent } from "../../lib/format";

type Detail = WebinarDetail;
type Webinar = Detail["webinar"];
type Attendance = Detail["attendance"];
type Series = NonNullable<Detail["program"]>;

/** The four counts at the top; each count opens the people behind it (`drill` gives the link). */
export function WebinarFigures({
  webinar,
  attendance,
  drill,
}: {
  webinar: Webinar;
  attendance: Attendance;
  drill: (segment: string) => string;
}) {
  return (
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
  );
}

export function RegistrationsCard({ webinar, points }: { webinar: Webinar; points: Detail["registrationsPerDay"] }) {
  return (
    <Card title="Registrations over time" id="registrations">
      <div className="card-body">
        {points.length === 0 ? (
          <EmptyState icon="activity" title="No registrations yet" />
        ) : (
          <RegistrationsChart points={points} title={`Registrations for ${webinar.subject}`} />
        )}
      </div>
    </Card>
  );
}

export function AttendanceCard({ webinar, attendance }: { webinar: Webinar; attendance: Attendance }) {
  return (
    <Card title="Attendance" id="attendance">
      <div className="card-body">
        {webinar.finished && attendance.attended !== null && attendance.absent !== null ? (
          <div className="stack">
            <AttendanceMeter attended={attendance.attended} absent={attendance.absent} />
            <p className="muted small">
              {formatNumber(attendance.totalMinutesAttended)} minutes watched in total. Attendance data arrives from
              GoTo Webinar shortly after the webinar ends and is checked again later for late data.
            </p>
          </div>
        ) : (
          <p className="muted">
            Attendance appears once the webinar has ended: GoTo Webinar publishes attendees after each session.
          </p>
        )}
      </div>
    </Card>
  );
}

export function DetailsCard({ webinar }: { webinar: Webinar }) {
  return (
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
  );
}

export function QuestionsCard({ questions }: { questions: NonNullable<Detail["questions"]> }) {
  return (
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
  );
}

export function SeriesCard({ program, webinarId }: { program: Series; webinarId: string }) {
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

export function SessionsCard({ sessions }: { sessions: Detail["sessions"] }) {
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
