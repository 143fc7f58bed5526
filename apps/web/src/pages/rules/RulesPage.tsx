import type {
  Page,
  Rule,
  RuleAction,
  RuleBody,
  RulePreview,
  RuleRun,
  RuleRunSummary,
  WebinarOptions,
} from "@gw/api-contract";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { errorMessage, patch, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Badge, type Tone } from "../../components/Badge";
import { Button, ButtonLink } from "../../components/Button";
import { type Column, figureColumn, PagedTable } from "../../components/DataTable";
import { Switch, TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, EmptyState, ErrorState, LoadingState, QueryView } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatNumber, formatShortDateTime, fullName } from "../../lib/format";
import {
  CriteriaBuilder,
  type CriteriaOptions,
  emptyCriteria,
  explainError,
  FIELD_NAMES,
  fieldLabel,
  Picker,
  useCriteriaOptions,
} from "../segments/CriteriaBuilder";

const STATUS_TONE: Record<Rule["status"], Tone> = { DRAFT: "neutral", ENABLED: "success", PAUSED: "warning" };
const STATUS_LABEL: Record<Rule["status"], string> = { DRAFT: "Draft", ENABLED: "On", PAUSED: "Paused" };

/** Automation rules: criteria + actions, previewed, then turned on. */
export function RulesPage() {
  const [page, setPage] = useState(1);
  const rules = useApi<Page<Rule>>("/api/rules", { page, pageSize: 50 });
  const columns: Column<Rule>[] = [
    {
      key: "name",
      header: "Rule",
      render: (r) => (
        <Link to={`/rules/${r.id}`} className="cell-title">
          {r.name}
        </Link>
      ),
    },
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
        <QueryView
          query={rules}
          empty={
            <EmptyState icon="activity" title="No rules yet">
              Create one: pick who it is for, what it does, preview it, then turn it on.
            </EmptyState>
          }
        >
          {(data) => (
            <PagedTable
              caption="Automation rules"
              columns={columns}
              page={data}
              rowKey={(r) => r.id}
              busy={rules.loading}
              noun="rules"
              onPage={setPage}
              pagerWhenNeeded
            />
          )}
        </QueryView>
      </Card>
    </>
  );
}

const ACTION_LABELS: Record<RuleAction["type"], string> = {
  ADD_TAG: "Add a tag",
  REMOVE_TAG: "Remove a tag",
  ADD_TO_LIST: "Add to a static list",
  REMOVE_FROM_LIST: "Remove from a static list",
  ADJUST_SCORE: "Adjust the score",
  SET_CAMPAIGN: "Set the campaign",
  SET_FIELD: "Set a field",
  REGISTER_WEBINAR: "Register for a webinar",
  EMIT_EVENT: "Send an event to your endpoints",
};

function newAction(
  type: RuleAction["type"],
  options: CriteriaOptions,
  upcoming: WebinarOptions["webinars"],
): RuleAction {
  const staticList = options.lists.find((l) => l.kind === "STATIC")?.id ?? "";
  switch (type) {
    case "ADD_TAG":
    case "REMOVE_TAG":
      return { type, tag: "" };
    case "ADD_TO_LIST":
    case "REMOVE_FROM_LIST":
      return { type, listId: staticList };
    case "ADJUST_SCORE":
      return { type, points: 10 };
    case "SET_CAMPAIGN":
      return { type, campaignId: options.campaigns[0]?.id ?? "" };
    case "SET_FIELD":
      return { type, field: "industry", value: "" };
    case "REGISTER_WEBINAR":
      return { type, webinarId: upcoming[0]?.id ?? "" };
    case "EMIT_EVENT":
      return { type };
  }
}

/** Create or edit a rule; an existing one also shows its preview, switch and log. */
export function RuleEditPage() {
  const { id } = useParams();
  const isNew = id === undefined;
  const navigate = useNavigate();
  const toast = useToast();
  const options = useCriteriaOptions();
  const upcoming = useApi<WebinarOptions>("/api/forms/webinar-options");
  const existing = useApi<Rule>(isNew ? null : `/api/rules/${id}`);
  const [draft, setDraft] = useState<RuleBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (existing.data) {
      const { name, criteria, actions, repeat } = existing.data;
      setDraft({ name, criteria, actions, repeat });
    }
  }, [existing.data]);
  useEffect(() => {
    // A draft made before the webinars arrive would start as "any webinar" and stay so.
    if (isNew && draft === null && options.loaded)
      setDraft({ name: "", criteria: emptyCriteria(options), actions: [{ type: "ADD_TAG", tag: "" }], repeat: false });
  }, [isNew, draft, options]);

  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!draft) return <LoadingState />;

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = isNew ? await post<Rule>("/api/rules", draft) : await patch<Rule>(`/api/rules/${id}`, draft);
      toast.success(isNew ? `Rule “${saved.name}” saved as a draft: preview it, then turn it on.` : "Rule saved.");
      if (isNew) navigate(`/rules/${saved.id}`);
      else existing.reload();
    } catch (caught) {
      setError(explainError(caught));
    } finally {
      setBusy(false);
    }
  };
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
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
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
                    upcoming={upcoming.data?.webinars ?? []}
                  />
                  {draft.actions.length > 1 ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      icon="x"
                      aria-label={`Remove action ${i + 1}`}
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
                  actions: [...draft.actions, newAction("ADJUST_SCORE", options, upcoming.data?.webinars ?? [])],
                })
              }
            >
              Add action
            </Button>
          </div>
        </Card>
        {error ? (
          <Alert tone="danger" title="The rule was not saved">
            {error}
          </Alert>
        ) : null}
        <div className="row">
          <Button type="submit" variant="primary" loading={busy}>
            {isNew ? "Save as draft" : "Save changes"}
          </Button>
        </div>
      </form>
      {existing.data ? <RuleControls rule={existing.data} onChanged={existing.reload} /> : null}
    </>
  );
}

function ActionEditor({
  index,
  action,
  onChange,
  options,
  upcoming,
}: {
  index: number;
  action: RuleAction;
  onChange(next: RuleAction): void;
  options: CriteriaOptions;
  upcoming: WebinarOptions["webinars"];
}) {
  const name = `action ${index}`;
  const staticLists = options.lists.filter((l) => l.kind === "STATIC");
  return (
    <fieldset className="criteria-condition">
      <legend className="sr-only">Action {index}</legend>
      <select
        className="select inline"
        aria-label={`Type of ${name}`}
        value={action.type}
        onChange={(e) => onChange(newAction(e.target.value as RuleAction["type"], options, upcoming))}
      >
        {Object.entries(ACTION_LABELS).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </select>
      {action.type === "ADD_TAG" || action.type === "REMOVE_TAG" ? (
        <input
          className="input inline"
          aria-label={`Tag in ${name}`}
          value={action.tag}
          onChange={(e) => onChange({ ...action, tag: e.target.value })}
        />
      ) : action.type === "ADD_TO_LIST" || action.type === "REMOVE_FROM_LIST" ? (
        <Picker
          label={`List in ${name}`}
          value={action.listId}
          items={staticLists}
          onChange={(listId) => onChange({ ...action, listId })}
        />
      ) : action.type === "ADJUST_SCORE" ? (
        <input
          className="input inline num-input"
          type="number"
          aria-label={`Points in ${name}`}
          value={Number.isFinite(action.points) ? action.points : ""}
          onChange={(e) => onChange({ ...action, points: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
        />
      ) : action.type === "SET_CAMPAIGN" ? (
        <Picker
          label={`Campaign in ${name}`}
          value={action.campaignId}
          items={options.campaigns}
          onChange={(campaignId) => onChange({ ...action, campaignId })}
        />
      ) : action.type === "SET_FIELD" ? (
        <>
          <select
            className="select inline"
            aria-label={`Field in ${name}`}
            value={action.field}
            onChange={(e) => onChange({ ...action, field: e.target.value as typeof action.field })}
          >
            {FIELD_NAMES.filter((f) => f !== "email").map((f) => (
              <option key={f} value={f}>
                {fieldLabel(f)}
              </option>
            ))}
          </select>
          <span>to</span>
          <input
            className="input inline"
            aria-label={`Value in ${name}`}
            placeholder="(empty clears it)"
            value={action.value ?? ""}
            onChange={(e) => onChange({ ...action, value: e.target.value === "" ? null : e.target.value })}
          />
        </>
      ) : action.type === "EMIT_EVENT" ? (
        <span className="muted small">
          a <code>rule.matched</code> event with this rule and the prospect, to every{" "}
          <Link to="/integrations/endpoints">outbound endpoint</Link> that receives it
        </span>
      ) : (
        <Picker
          label={`Webinar in ${name}`}
          value={action.webinarId}
          items={upcoming.map((w) => ({ id: w.id, name: `${w.subject} (${w.startsAt.slice(0, 10)})` }))}
          onChange={(webinarId) => onChange({ ...action, webinarId })}
        />
      )}
    </fieldset>
  );
}

/** Preview, on/off and the log of a saved rule. */
function RuleControls({ rule, onChanged }: { rule: Rule; onChanged(): void }) {
  const toast = useToast();
  const [preview, setPreview] = useState<RulePreview>();
  const [busy, setBusy] = useState<string>();
  const [page, setPage] = useState(1);
  const runs = useApi<Page<RuleRun>>(`/api/rules/${rule.id}/runs`, { page, pageSize: 25 });
  const act = async (what: string, run: () => Promise<void>) => {
    setBusy(what);
    try {
      await run();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };
  const columns: Column<RuleRun>[] = [
    {
      key: "prospect",
      header: "Prospect",
      render: (r) => (
        <Link to={`/prospects/${r.id}`} className="cell-title">
          {fullName(r) || r.email}
        </Link>
      ),
    },
    { key: "actions", header: "Actions", render: (r) => <RunActions run={r} /> },
    { key: "at", header: "When", render: (r) => <span className="nowrap">{formatShortDateTime(r.at)}</span> },
    {
      key: "outcome",
      header: "Outcome",
      render: (r) => (
        <Badge tone={r.outcome === "done" ? "success" : r.outcome === "partial" ? "warning" : "neutral"}>
          {r.outcome}
        </Badge>
      ),
    },
  ];
  return (
    <>
      <Card
        title="Preview and switch"
        id="rule-switch"
        actions={
          <div className="row">
            <Button
              icon="eye"
              loading={busy === "preview"}
              onClick={() =>
                void act("preview", async () =>
                  setPreview(await post<RulePreview>(`/api/rules/${rule.id}/preview`, { sampleSize: 10 })),
                )
              }
            >
              Preview
            </Button>
            {rule.status === "ENABLED" ? (
              <Button
                icon="pause"
                loading={busy === "pause"}
                onClick={() =>
                  void act("pause", async () => {
                    await post(`/api/rules/${rule.id}/pause`);
                    toast.success("Rule paused.");
                    onChanged();
                  })
                }
              >
                Pause
              </Button>
            ) : (
              <Button
                variant="primary"
                icon="play"
                loading={busy === "enable"}
                onClick={() =>
                  void act("enable", async () => {
                    const summary = await post<RuleRunSummary>(`/api/rules/${rule.id}/enable`);
                    toast.success(
                      `Rule ${rule.status === "PAUSED" ? "resumed" : "turned on"}: ran on ${formatNumber(summary.acted)} of ${formatNumber(summary.matched)} matching prospects.`,
                    );
                    onChanged();
                    runs.reload();
                  })
                }
              >
                {rule.status === "PAUSED" ? "Resume" : "Turn on"}
              </Button>
            )}
          </div>
        }
      >
        {rule.description ? <p className="muted">{rule.description}</p> : null}
        {preview ? (
          <div className="stack" data-testid="rule-preview" aria-live="polite">
            <p>
              <strong>{formatNumber(preview.matching)}</strong> prospects match now; turning the rule on would run it on{" "}
              <strong>{formatNumber(preview.wouldRun)}</strong> of them.
            </p>
            {preview.sample.length > 0 ? (
              <ul className="small">
                {preview.sample.map((p) => (
                  <li key={p.id}>{fullName(p) ? `${fullName(p)} (${p.email})` : p.email}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : (
          <p className="muted">Preview shows how many prospects the rule would act on before you turn it on.</p>
        )}
      </Card>
      <Card title="Log" id="rule-log">
        <QueryView
          query={runs}
          empty={
            <EmptyState icon="inbox" title="Nothing yet">
              Each prospect the rule acts on shows here, with each action's outcome.
            </EmptyState>
          }
        >
          {(data) => (
            <PagedTable
              caption={`Log of ${rule.name}`}
              columns={columns}
              page={data}
              rowKey={(r) => r.runId}
              busy={runs.loading}
              noun="runs"
              onPage={setPage}
            />
          )}
        </QueryView>
      </Card>
    </>
  );
}

/** Each action of one run in words, with GoTo's refusal for a registration. */
export function RunActions({ run }: { run: RuleRun }) {
  return (
    <ul className="plain small">
      {run.actions.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a run's actions keep their order.
        <li key={i}>
          {ACTION_LABELS[a.type as RuleAction["type"]] ?? a.type}:{" "}
          {a.registration
            ? a.registration.lastError
              ? `refused by GoTo: ${a.registration.lastError}`
              : a.registration.status.toLowerCase()
            : a.outcome}
          {a.reason ? ` (${a.reason})` : ""}
        </li>
      ))}
    </ul>
  );
}
