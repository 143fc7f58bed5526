import type { ProspectDetail } from "@gw/api-contract";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { errorMessage, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Badge, StatusBadge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { Icon, type IconName } from "../../components/Icon";
import { Card, PageHeader, Stat } from "../../components/Layout";
import { Alert, EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatDateTime, formatNumber, formatRelative, fullName } from "../../lib/format";
import { ProspectAutomation } from "./ProspectAutomation";
import { ProspectPrivacyCard } from "./ProspectPrivacyCard";
import { PROSPECT_FIELDS } from "./prospect-fields";
import { lineLabel, type TimelineLine, timelineLines } from "./timeline-model";

const ACTIVITY_ICON: Record<TimelineLine["type"], IconName> = {
  FORM_REGISTRATION: "form",
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

const SOURCE: Record<string, string> = { GOTO_SYNC: "GoTo Webinar sync", FORM: "Form", MANUAL: "Manual" };

/** A prospect: fields, score, lists and tags, and the webinar activity timeline. */
export function ProspectPage() {
  const { id = "" } = useParams();
  const prospect = useApi<ProspectDetail>(`/api/prospects/${id}`);
  const toast = useToast();
  const [retrying, setRetrying] = useState<string | null>(null);

  const retry = async (requestId: string) => {
    setRetrying(requestId);
    try {
      await post(`/api/registration-requests/${requestId}/retry`);
      toast.success("Registration queued again; it reaches GoTo Webinar within seconds.");
      prospect.reload();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setRetrying(null);
    }
  };

  const crumbs = [{ label: "Prospects", to: "/prospects" }];
  if (prospect.error) {
    return (
      <>
        <PageHeader title="Prospect" breadcrumbs={crumbs} />
        <Card>
          <ErrorState error={prospect.error} onRetry={prospect.reload} />
        </Card>
      </>
    );
  }
  if (!prospect.data) {
    return (
      <>
        <PageHeader title="Prospect" breadcrumbs={crumbs} />
        <Card>
          <LoadingState />
        </Card>
      </>
    );
  }

  const p = prospect.data;
  const timeline = timelineLines(p);
  const name = fullName(p);
  const failed = p.registrationRequests.filter((r) => r.status === "FAILED");
  const pending = p.registrationRequests.filter((r) => r.status === "PENDING");
  const attendedCount = p.registrations.filter((r) => r.attended).length;

  return (
    <>
      <PageHeader
        title={name || p.email}
        breadcrumbs={[...crumbs, { label: name || p.email }]}
        description={
          <span className="row">
            {name ? <span>{p.email}</span> : null}
            {p.company ? <span>· {p.company}</span> : null}
            {p.filtered ? <Badge tone="warning">Filtered: no completion actions</Badge> : null}
          </span>
        }
      />
      {p.mergedInto ? (
        <Alert tone="info" title="Merged">
          This record was merged into <Link to={`/prospects/${p.mergedInto.id}`}>{p.mergedInto.email}</Link>.
        </Alert>
      ) : null}
      {failed.map((r) => (
        <Alert key={r.id} tone="danger" title={`Registration for “${r.webinar.subject}” failed`}>
          <div className="row" style={{ justifyContent: "space-between" }}>
            <span>{r.lastError ?? "GoTo Webinar refused the registration."}</span>
            <Button
              size="sm"
              icon="refresh"
              loading={retrying === r.id}
              onClick={() => void retry(r.id)}
              aria-label={`Retry registration for ${r.webinar.subject}`}
            >
              Retry
            </Button>
          </div>
        </Alert>
      ))}
      {pending.map((r) => (
        <Alert key={r.id} tone="warning" title={`Registering for “${r.webinar.subject}”…`}>
          {r.attempts > 0
            ? `GoTo Webinar has not answered yet (attempt ${r.attempts}${r.lastError ? `: ${r.lastError}` : ""}); retrying automatically.`
            : "On its way to GoTo Webinar."}
        </Alert>
      ))}

      <section className="grid-stats" aria-label="Prospect figures">
        <Stat label="Score" value={formatNumber(p.score)} sub="from webinar activity and forms" />
        <Stat label="Webinars registered" value={formatNumber(p.registrations.length)} />
        <Stat label="Webinars attended" value={formatNumber(attendedCount)} />
        <Stat
          label="Campaign"
          value={<span style={{ fontSize: 17 }}>{p.campaign?.name ?? "None"}</span>}
          sub={`Source: ${SOURCE[p.source] ?? p.source}`}
        />
      </section>

      <div className="grid-2">
        <div className="stack" style={{ gap: 20 }}>
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
                      <span className="cell-sub num">
                        {a.points ? `${a.points > 0 ? "+" : ""}${a.points} pts` : ""}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </Card>
          <Card title="Registrations" id="registrations">
            {p.registrations.length === 0 ? (
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
                    {p.registrations.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <Link to={`/reports/webinars/${r.webinar.id}`} className="cell-title">
                            {r.webinar.subject}
                          </Link>
                          <div className="cell-sub">{formatDateTime(r.webinar.startsAt)}</div>
                        </td>
                        <td>{r.attended ? <StatusBadge status="ATTENDED" /> : <StatusBadge status={r.status} />}</td>
                        <td>
                          {r.source === "FORM" ? "Form" : r.source === "WEBHOOK" ? "GoTo (live)" : "GoTo Webinar"}
                        </td>
                        <td className="right num">{formatNumber(r.minutesAttended)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
        <div className="stack" style={{ gap: 20 }}>
          <ProspectPrivacyCard prospect={p} onErased={prospect.reload} />
          <Card title="Lists and tags" id="segments">
            <div className="card-body stack" style={{ gap: 12 }}>
              <ChipGroup title="Lists" icon="list" basePath="/lists" items={p.lists} />
              <ChipGroup title="Tags" icon="tag" basePath="/tags" items={p.tags} />
            </div>
          </Card>
          <ProspectAutomation prospectId={p.id} />
          <Card title="Fields" id="fields">
            <dl className="dl card-body">
              <dt>E-mail</dt>
              <dd>{p.email}</dd>
              <dt>First name</dt>
              <dd>{p.firstName ?? <span className="muted">—</span>}</dd>
              <dt>Last name</dt>
              <dd>{p.lastName ?? <span className="muted">—</span>}</dd>
              {PROSPECT_FIELDS.filter(([key]) => p[key]).map(([key, label]) => (
                <FieldRow key={key} label={label} value={p[key]} />
              ))}
              {Object.entries(p.customFields ?? {}).map(([key, value]) => (
                <FieldRow key={key} label={key} value={typeof value === "string" ? value : JSON.stringify(value)} />
              ))}
              <dt>Created</dt>
              <dd>{formatDateTime(p.createdAt)}</dd>
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}

function FieldRow({ label, value }: { label: string; value: string | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Named links as chips under a heading (a prospect's lists or tags), or "None". */
function ChipGroup({
  title,
  icon,
  basePath,
  items,
}: {
  title: string;
  icon: IconName;
  basePath: string;
  items: { id: string; name: string }[];
}) {
  return (
    <div className="stack" style={{ gap: 6 }}>
      <h3>{title}</h3>
      <div className="row">
        {items.length ? (
          items.map((item) => (
            <Link key={item.id} className="chip" to={`${basePath}/${item.id}`}>
              <Icon name={icon} size={12} /> {item.name}
            </Link>
          ))
        ) : (
          <span className="muted">None</span>
        )}
      </div>
    </div>
  );
}
