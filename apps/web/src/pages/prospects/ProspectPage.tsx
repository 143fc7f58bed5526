import type { ProspectDetail } from "@gw/api-contract";
import { Link, useParams } from "react-router-dom";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { Blank } from "../../components/DataTable";
import { Icon, type IconName } from "../../components/Icon";
import { Card, PageHeader, Stat } from "../../components/Layout";
import { Alert, QueryView } from "../../components/States";
import { formatDateTime, formatNumber, fullName } from "../../lib/format";
import { ProspectRegistrations, ProspectTimeline } from "./ProspectActivity";
import { ProspectAutomation } from "./ProspectAutomation";
import { ProspectPrivacyCard } from "./ProspectPrivacyCard";
import { PROSPECT_FIELDS } from "./prospect-fields";
import { useProspect } from "./use-prospect";

const SOURCE: Record<string, string> = { GOTO_SYNC: "GoTo Webinar sync", FORM: "Form", MANUAL: "Manual" };

/** A prospect: fields, score, lists and tags, and the webinar activity timeline. */
export function ProspectPage() {
  const { id = "" } = useParams();
  const { prospect, retry, erase } = useProspect(id);

  const crumbs = [{ label: "Prospects", to: "/prospects" }];
  if (prospect.error || !prospect.data) {
    return (
      <>
        <PageHeader title="Prospect" breadcrumbs={crumbs} />
        <Card>
          <QueryView query={prospect} />
        </Card>
      </>
    );
  }

  const p = prospect.data;
  const name = fullName(p);
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
      <RegistrationRequestAlerts
        requests={p.registrationRequests}
        retrying={retry.isPending ? retry.variables : undefined}
        onRetry={(requestId) => retry.mutate(requestId)}
      />

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
          <ProspectTimeline prospect={p} />
          <ProspectRegistrations registrations={p.registrations} />
        </div>
        <div className="stack" style={{ gap: 20 }}>
          <ProspectPrivacyCard prospect={p} onErase={() => erase.mutateAsync()} />
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
              <dd>{p.firstName ?? <Blank />}</dd>
              <dt>Last name</dt>
              <dd>{p.lastName ?? <Blank />}</dd>
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

/** A prospect's failed registrations (each with a retry) and those still on their way to GoTo. */
function RegistrationRequestAlerts({
  requests,
  retrying,
  onRetry,
}: {
  requests: ProspectDetail["registrationRequests"];
  /** The request whose retry is being asked. */
  retrying: string | undefined;
  onRetry(requestId: string): void;
}) {
  const failed = requests.filter((r) => r.status === "FAILED");
  const pending = requests.filter((r) => r.status === "PENDING");
  return (
    <>
      {failed.map((r) => (
        <Alert key={r.id} tone="danger" title={`Registration for “${r.webinar.subject}” failed`}>
          <div className="row" style={{ justifyContent: "space-between" }}>
            <span>{r.lastError ?? "GoTo Webinar refused the registration."}</span>
            <Button
              size="sm"
              icon="refresh"
              loading={retrying === r.id}
              onClick={() => onRetry(r.id)}
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
    </>
  );
}
