import type { FormListItem as Form } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { Badge, ProblemCount } from "../../components/Badge";
import { ButtonLink, RowButton } from "../../components/Button";
import { actionsColumn, type Column, DataTable } from "../../components/DataTable";
import { formatNumber, formatRelative } from "../../lib/format";
import { describeAction } from "./form-model";

/** The forms with their completion actions, counts and buttons (copy link, open, edit, archive). */
export function FormsTable({
  forms,
  busy,
  copy,
  setArchiving,
}: {
  forms: Form[];
  busy: boolean;
  copy(form: Form): Promise<void>;
  setArchiving(form: Form): void;
}) {
  const columns: Column<Form>[] = [
    {
      key: "name",
      header: "Form",
      render: (f) => (
        <div>
          <Link to={`/forms/${f.id}`} className="cell-title">
            {f.name}
          </Link>
          <div className="cell-sub">{f.fields.length} fields</div>
        </div>
      ),
    },
    {
      key: "actions",
      header: "Completion actions",
      render: (f) =>
        f.completionActions.length ? (
          <div className="row" style={{ gap: 4 }}>
            {f.completionActions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; their order is their identity.
              <Badge key={i} tone={a.type === "REGISTER_WEBINAR" ? "primary" : "neutral"}>
                {describeAction(a, {
                  webinars: new Map(Object.entries(f.names.webinars)),
                  lists: new Map(Object.entries(f.names.lists)),
                })}
              </Badge>
            ))}
          </div>
        ) : (
          <span className="muted">None</span>
        ),
    },
    {
      key: "views",
      header: "Views",
      align: "right",
      render: (f) => <span className="num">{formatNumber(f.stats.views)}</span>,
    },
    {
      key: "submissions",
      header: "Submissions",
      align: "right",
      render: (f) => <span className="num">{formatNumber(f.stats.submissions)}</span>,
    },
    {
      key: "registrations",
      header: "Registrations",
      align: "right",
      render: (f) => (
        <span className="num">
          {formatNumber(f.stats.registrations)}
          {f.stats.pending > 0 ? <span className="cell-sub"> +{formatNumber(f.stats.pending)} on the way</span> : null}
        </span>
      ),
    },
    {
      key: "failures",
      header: "Failures",
      align: "right",
      render: (f) => <ProblemCount count={f.stats.failures} />,
    },
    { key: "updated", header: "Updated", render: (f) => <span className="nowrap">{formatRelative(f.updatedAt)}</span> },
    actionsColumn((f) => (
      <>
        <RowButton icon="copy" onClick={() => void copy(f)} label={`Copy link to ${f.name}`}>
          Copy link
        </RowButton>
        <a
          className="btn btn-sm btn-ghost"
          href={`/f/${f.id}`}
          target="_blank"
          rel="noreferrer"
          aria-label={`Open ${f.name} in a new tab`}
        >
          Open
        </a>
        <ButtonLink size="sm" variant="ghost" icon="edit" to={`/forms/${f.id}`} aria-label={`Edit ${f.name}`}>
          Edit
        </ButtonLink>
        <RowButton icon="trash" onClick={() => setArchiving(f)} label={`Archive ${f.name}`} />
      </>
    )),
  ];

  return <DataTable caption="Forms" columns={columns} rows={forms} rowKey={(f) => f.id} busy={busy} />;
}
