import type { FormListItem as Form } from "@gw/api-contract";
import { useState } from "react";
import { Link } from "react-router-dom";
import { post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Badge, ProblemCount } from "../../components/Badge";
import { Button, ButtonLink } from "../../components/Button";
import { type Column, DataTable } from "../../components/DataTable";
import { ConfirmDialog } from "../../components/Dialog";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatNumber, formatRelative } from "../../lib/format";
import { FailedRegistrations } from "../FailedRegistrations";
import { describeAction, hostedUrl } from "./form-model";
import { useCopy } from "./use-copy";

const newFormLink = (
  <ButtonLink to="/forms/new" variant="primary" icon="plus">
    New form
  </ButtonLink>
);

export function FormsPage() {
  const forms = useApi<{ forms: Form[] }>("/api/forms");
  const toast = useToast();
  const [archiving, setArchiving] = useState<Form | null>(null);
  const list = forms.data?.forms ?? [];

  const copyText = useCopy();
  const copy = (form: Form) => {
    const url = form.hostedUrl ?? hostedUrl(form.id);
    return copyText(url, `Link to “${form.name}” copied.`, `the link is ${url}`);
  };

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
    {
      key: "buttons",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      render: (f) => (
        <div className="row" style={{ justifyContent: "flex-end", flexWrap: "nowrap" }}>
          <Button
            size="sm"
            variant="ghost"
            icon="copy"
            onClick={() => void copy(f)}
            aria-label={`Copy link to ${f.name}`}
          >
            Copy link
          </Button>
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
          <Button
            size="sm"
            variant="ghost"
            icon="trash"
            onClick={() => setArchiving(f)}
            aria-label={`Archive ${f.name}`}
          />
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Forms"
        description="Hosted registration forms. A “Register for webinar” action sends every submission to GoTo Webinar within seconds."
        actions={newFormLink}
      />
      <Card>
        {forms.error ? (
          <ErrorState error={forms.error} onRetry={forms.reload} />
        ) : !forms.data ? (
          <LoadingState />
        ) : list.length === 0 ? (
          <EmptyState icon="form" title="No forms yet" action={newFormLink}>
            A form collects more than GoTo Webinar's own page (company, job title, your questions) and registers the
            person for an upcoming webinar.
          </EmptyState>
        ) : (
          <DataTable caption="Forms" columns={columns} rows={list} rowKey={(f) => f.id} busy={forms.loading} />
        )}
      </Card>
      <FailedRegistrations />
      <ConfirmDialog
        open={archiving !== null}
        onClose={() => setArchiving(null)}
        title={`Archive “${archiving?.name ?? ""}”?`}
        message="Its hosted page stops taking submissions. Submissions and registrations already made stay."
        confirmLabel="Archive form"
        onConfirm={async () => {
          if (!archiving) return;
          await post(`/api/forms/${archiving.id}/archive`);
          toast.success(`“${archiving.name}” archived.`);
          forms.reload();
        }}
      />
    </>
  );
}
