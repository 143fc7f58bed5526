import type { FormListItem as Form } from "@gw/api-contract";
import { useState } from "react";
import { ButtonLink } from "../../components/Button";
import { ConfirmDialog } from "../../components/Dialog";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState, QueryView } from "../../components/States";
import { useToast } from "../../components/Toast";
import { FailedRegistrations } from "../FailedRegistrations";
import { FormsTable } from "./FormsTable";
import { hostedUrl } from "./form-model";
import { useCopy } from "./use-copy";
import { useFormsList } from "./use-forms-list";

const newFormLink = (
  <ButtonLink to="/forms/new" variant="primary" icon="plus">
    New form
  </ButtonLink>
);

/** The account's forms and what each did, with the registrations GoTo refused below. */
export function FormsPage() {
  const { forms, archive } = useFormsList();
  const toast = useToast();
  const [archiving, setArchiving] = useState<Form | null>(null);

  const copyText = useCopy();
  const copy = (form: Form) => {
    const url = form.hostedUrl ?? hostedUrl(form.id);
    return copyText(url, `Link to “${form.name}” copied.`, `the link is ${url}`);
  };

  return (
    <>
      <PageHeader
        title="Forms"
        description="Hosted registration forms. A “Register for webinar” action sends every submission to GoTo Webinar within seconds."
        actions={newFormLink}
      />
      <Card>
        <QueryView
          query={forms}
          isEmpty={(data) => data.forms.length === 0}
          empty={
            <EmptyState icon="form" title="No forms yet" action={newFormLink}>
              A form collects more than GoTo Webinar's own page (company, job title, your questions) and registers the
              person for an upcoming webinar.
            </EmptyState>
          }
        >
          {(data) => <FormsTable forms={data.forms} busy={forms.loading} copy={copy} setArchiving={setArchiving} />}
        </QueryView>
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
          await archive.mutateAsync(archiving.id);
          toast.success(`“${archiving.name}” archived.`);
        }}
      />
    </>
  );
}
