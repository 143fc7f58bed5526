import type { Criteria, List } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { fieldMessage } from "../../api/client";
import { useApi } from "../../api/use-api";
import { ButtonLink } from "../../components/Button";
import { SaveForm, TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, QueryView } from "../../components/States";
import { CriteriaBuilder, emptyCriteria, explainError } from "../segments/CriteriaBuilder";
import { useCriteriaOptions } from "../segments/use-criteria-options";
import { useDynamicListSave } from "./use-dynamic-list";

/** Create a dynamic list, or change one's name and criteria: the builder counts matches as you go. */
export function DynamicListEditPage() {
  const { id } = useParams();
  const isNew = id === undefined;
  const options = useCriteriaOptions();
  const existing = useApi<List>(isNew ? null : `/api/lists/${id}`);
  const [name, setName] = useState("");
  const [criteria, setCriteria] = useState<Criteria | null>(null);
  const save = useDynamicListSave(id);
  // A refusal naming the name is shown at it; any other above the buttons.
  const nameError = fieldMessage(save.error, "name");
  const error = save.error && !nameError ? explainError(save.error) : undefined;

  useEffect(() => {
    if (!existing.data) return;
    setName(existing.data.name);
    setCriteria(existing.data.criteria ?? null);
  }, [existing.data]);
  // The first webinar is the likeliest subject of a new list; wait for the pickers to know it.
  const optionsReady = options.webinars.length > 0 || options.connectors.length > 0;
  useEffect(() => {
    if (isNew && criteria === null && optionsReady) setCriteria(emptyCriteria(options));
  }, [isNew, criteria, optionsReady, options]);

  if (!isNew && !existing.error && existing.data && existing.data.kind !== "DYNAMIC") {
    return (
      <Alert tone="info" title="This is a static list">
        Its members are the prospects put in it; it has no criteria to edit.
      </Alert>
    );
  }
  const draft = criteria ?? (isNew ? emptyCriteria(options) : null);
  if (existing.error || !draft) return <QueryView query={{ ...existing, data: draft ?? undefined }} />;

  const title = isNew ? "New dynamic list" : `Edit “${existing.data?.name ?? "…"}”`;

  return (
    <>
      <PageHeader
        title={title}
        description="Members are whoever matches the criteria: they join and leave on their own as syncs, forms and edits change prospects."
        breadcrumbs={[
          { label: "Lists", to: "/lists" },
          ...(isNew ? [] : [{ label: existing.data?.name ?? "…", to: `/lists/${id}` }]),
          { label: isNew ? "New dynamic list" : "Edit criteria" },
        ]}
      />
      <SaveForm
        onSave={() => save.mutate({ name: name.trim(), criteria: draft })}
        saving={save.isPending}
        error={error}
        errorTitle="The list was not saved"
        submitLabel={isNew ? "Create dynamic list" : "Save and re-evaluate"}
        actions={
          <ButtonLink to={isNew ? "/lists" : `/lists/${id}`} variant="ghost">
            Cancel
          </ButtonLink>
        }
      >
        <Card title="List" id="list-basics">
          <div className="card-body">
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} required />
          </div>
        </Card>
        <Card title="Who is in it" id="list-criteria">
          <div className="card-body">
            <CriteriaBuilder value={draft} onChange={setCriteria} options={options} />
          </div>
        </Card>
      </SaveForm>
    </>
  );
}
