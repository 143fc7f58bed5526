import type { ProspectDetail } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { StatusBadge } from "../../components/Badge";
import { Icon, type IconName } from "../../components/Icon";
import { Card } from "../../components/Layout";
import { EmptyState } from "../../components/States";
import { formatDateTime, formatNumber, formatRelative } from "../../lib/format";
import { lineLabel, type TimelineLine, timelineLines } from "./timeline-model";

const ACTIVITY_ICON: Record<TimelineLine["type"], IconName> = {
  FORM_REGISTRATION: "form",
  RULE_REGISTRATION: "sliders",
  FORM_SUBMISSION: "form",
  REGISTERED: "userPlus",
  ACCEPTED: "userCheck",
  ATTENDED: "video",
  CANCELLED: "userX",
  ABSENT: "userX",
  ATTENDED_LIVE: "video",
  WATCHED_ON_DEMAND: "play",
  ASKED_QUESTION: "inbox",
  ANSWERED_POLL: "checkCircle",
  ANSWERED_SURVEY: "form",
};

/** A prospect's webinar and form activity, newest first, with the points each line gave. */
export function ProspectTimeline({ prospect }: { prospect: ProspectDetail }) {
  const timeline = timelineLines(prospect);
  return (
    <Card title="Webinar activity" id="timeline">
      <div className="card-body">
        {timeline.length === 0 ? (
          <EmptyState icon="activity" title="No webinar activity yet" />
        ) : (
          <ol className="timeline" aria-label="Webinar activity, newest first">
            {timeline.map((a) => (
              <li key={a.key} className={`tl-${a.type}`}>
                <span className="tl-icon" aria-hidden="true">
                  <Icon name={ACTIVITY_ICON[a.type] ?? "activity"} />
                </span>
                <div>
                  <div>
                    <strong>{lineLabel(a)}</strong>{" "}
                    {a.webinar ? (
                      <Link to={`/reports/webinars/${a.webinar.id}`}>{a.webinar.subject}</Link>
                    ) : a.form ? (
                      <>
                        <Link to={`/forms/${a.form.id}`}>{a.form.name}</Link>
                        <span className="cell-sub">
                          {" "}
                          ·{" "}
                          {a.unregistered === "NO_REGISTER_ACTION"
                            ? "registers for no webinar"
                            : "not registered for a webinar (filtered prospect, or the webinar is gone)"}
                        </span>
                      </>
                    ) : null}
                    {a.minutes ? <span className="cell-sub"> · {formatNumber(a.minutes)} minutes</span> : null}
                    {a.requestStatus && a.requestStatus !== "SUCCEEDED" ? (
                      <span className="cell-sub">
                        {" "}
                        · {a.requestStatus === "FAILED" ? "not registered in GoTo" : "on its way to GoTo"}
                      </span>
                    ) : null}
                  </div>
                  <time className="cell-sub" dateTime={a.occurredAt} title={formatDateTime(a.occurredAt)}>
                    {formatDateTime(a.occurredAt)} · {formatRelative(a.occurredAt)}
                  </time>
                  {a.answers && a.answers.length > 0 ? (
                    <dl className="tl-answers">
                      {a.answers.map((qa, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a question may repeat across sessions
                        <div key={i}>
                          <dt>{qa.question}</dt>
                          {qa.answers.length > 0 ? <dd>{qa.answers.join(", ")}</dd> : null}
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </div>
                <span className="cell-sub num">{a.points ? `${a.points > 0 ? "+" : ""}${a.points} pts` : ""}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}

const REGISTRATION_SOURCE: Record<ProspectDetail["registrations"][number]["source"], string> = {
  GOTO: "GoTo Webinar",
  WEBHOOK: "GoTo (live)",
  FORM: "Form",
  RULE: "Automation rule",
};

/** The webinars a prospect is registered for, with status, source and minutes attended. */
export function ProspectRegistrations({ registrations }: { registrations: ProspectDetail["registrations"] }) {
  return (
    <Card title="Registrations" id="registrations">
      {registrations.length === 0 ? (
        <EmptyState icon="calendar" title="Not registered for any webinar" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Registrations</caption>
            <thead>
              <tr>
                <th scope="col">Webinar</th>
                <th scope="col">Status</th>
                <th scope="col">Source</th>
                <th scope="col" className="right">
                  Minutes attended
                </th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/reports/webinars/${r.webinar.id}`} className="cell-title">
                      {r.webinar.subject}
                    </Link>
                    <div className="cell-sub">{formatDateTime(r.webinar.startsAt)}</div>
                  </td>
                  <td>{r.attended ? <StatusBadge status="ATTENDED" /> : <StatusBadge status={r.status} />}</td>
                  <td>{REGISTRATION_SOURCE[r.source]}</td>
                  <td className="right num">{formatNumber(r.minutesAttended)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
