import type { Rule, RuleAction } from "@gw/api-contract";
import { useParams } from "react-router-dom";
import { Badge, type Tone } from "../../components/Badge";
import { Button, ButtonLink, RowButton } from "../../components/Button";
import { type Column, figureColumn, PagedQueryTable, titleLinkColumn } from "../../components/DataTable";
import { SaveForm, Switch, TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState, QueryView } from "../../components/States";
import { formatNumber } from "../../lib/format";
import { CriteriaBuilder, explainError } from "../segments/CriteriaBuilder";
import { ActionEditor, newAction } from "./RuleActions";
import { RuleControls } from "./RuleControls";
import { useRuleControls, useRuleEditor, useRulesList } from "./use-rules";

const STATUS_TONE: Record<Rule["status"], Tone> = { DRAFT: "neutral", ENABLED: "success", PAUSED: "warning" };
const STATUS_LABEL: Record<Rule["status"], string> = { DRAFT: "Draft", ENABLED: "On", PAUSED: "Paused" };

/** Automation rules: criteria + actions, previewed, then turned on. */
export function RulesPage() {
  const { rules, setPage } = useRulesList();
  const columns: Column<Rule>[] = [
    titleLinkColumn(
      "name",
      "Rule",
      (r) => `/rules/${r.id}`,
      (r) => r.name,
    ),
    {
      key: "status",
      header: "State",
      render: (r) => <Badge tone={STATUS_TONE[r.status]}>{STATUS_LABEL[r.status]}</Badge>,
    },
    {
      key: "repeat",
      header: "Runs",
      render: (r) => (r.repeat ? "Each time a prospect matches again" : "Once per prospect"),
    },
    figureColumn("acted", "Prospects acted on", (r) => formatNumber(r.prospectsActedOn)),
  ];
  return (
    <>
      <PageHeader
        title="Automation rules"
        description="When prospects match criteria (for example, absent from a webinar), do something: tag them, add them to a list, register them for the next session."
        actions={
          <ButtonLink to="/rules/new" variant="primary" icon="plus">
            New rule
          </ButtonLink>
        }
      />
      <Card>
        <PagedQueryTable
          query={rules}
          empty={
            <EmptyState icon="activity" title="No rules yet">
              Create one: pick who it is for, what it does, preview it, then turn it on.
            </EmptyState>
          }
          caption="Automation rules"
          columns={columns}
          rowKey={(r) => r.id}
          noun="rules"
          onPage={setPage}
          pagerWhenNeeded
        />
      </Card>
    </>
  );
}

/** Create or edit a rule; an existing one also shows its preview, switch and log. */
export function RuleEditPage() {
  const { id } = useParams();
  const { isNew, options, upcoming, existing, draft, setDraft, save } = useRuleEditor(id);
  const controls = useRuleControls(existing.data);

  // The page waits for the draft (a new rule's waits for the pickers' options), not only the rule.
  if (existing.error || !draft) return <QueryView query={{ ...existing, data: draft ?? undefined }} />;

  const setAction = (i: number, action: RuleAction) =>
    setDraft({ ...draft, actions: draft.actions.map((a, j) => (j === i ? action : a)) });

  return (
    <>
      <PageHeader
        title={isNew ? "New rule" : (existing.data?.name ?? "Rule")}
        breadcrumbs={[
          { label: "Automation rules", to: "/rules" },
          { label: isNew ? "New" : (existing.data?.name ?? "…") },
        ]}
        actions={
          existing.data ? (
            <Badge tone={STATUS_TONE[existing.data.status]}>{STATUS_LABEL[existing.data.status]}</Badge>
          ) : null
        }
      />
      <SaveForm
        onSave={() => save.mutate(draft)}
        saving={save.isPending}
        error={save.error ? explainError(save.error) : undefined}
        errorTitle="The rule was not saved"
        submitLabel={isNew ? "Save as draft" : "Save changes"}
      >
        <Card title="Rule" id="rule-basics">
          <div className="stack card-body">
            <TextField
              label="Name"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              required
            />
            <Switch
              label="Run again each time a prospect matches anew"
              description="Off: each prospect gets the actions once. On: again whenever they stop matching and match again."
              checked={draft.repeat ?? false}
              onChange={(repeat) => setDraft({ ...draft, repeat })}
            />
          </div>
        </Card>
        <Card title="Who it is for" id="rule-criteria">
          <div className="card-body">
            <CriteriaBuilder
              value={draft.criteria}
              onChange={(criteria) => setDraft({ ...draft, criteria })}
              options={options}
            />
          </div>
        </Card>
        <Card title="What it does" id="rule-actions">
          <div className="card-body">
            <ol className="stack rule-actions">
              {draft.actions.map((action, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity but their place.
                <li key={i} className="row">
                  <ActionEditor
                    index={i + 1}
                    action={action}
                    onChange={(a) => setAction(i, a)}
                    options={options}
                    upcoming={upcoming}
                  />
                  {draft.actions.length > 1 ? (
                    <RowButton
                      icon="x"
                      label={`Remove action ${i + 1}`}
                      onClick={() => setDraft({ ...draft, actions: draft.actions.filter((_, j) => j !== i) })}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
            <Button
              size="sm"
              icon="plus"
              onClick={() =>
                setDraft({
                  ...draft,
                  actions: [...draft.actions, newAction("ADJUST_SCORE", options, upcoming)],
                })
              }
            >
              Add action
            </Button>
          </div>
        </Card>
      </SaveForm>
      {existing.data ? (
        <RuleControls
          rule={existing.data}
          runs={controls.runs}
          onRunsPage={controls.setPage}
          preview={controls.preview}
          previewing={controls.previewing.isPending}
          onPreview={() => controls.previewing.mutate()}
          pausing={controls.pausing.isPending}
          onPause={() => controls.pausing.mutate()}
          enabling={controls.enabling.isPending}
          onEnable={() => controls.enabling.mutate(existing.data?.status === "PAUSED")}
        />
      ) : null}
    </>
  );
}
