import type { Condition, Criteria, CriteriaNode, Group, Period, WebinarScope } from "@gw/api-contract";
import type { ReactNode } from "react";
import { ApiError, errorMessage } from "../../api/client";
import { Button } from "../../components/Button";
import { Alert } from "../../components/States";
import { formatNumber, fullName } from "../../lib/format";
import { type CriteriaOptions, useCriteriaPreview } from "./use-criteria-options";

const CONDITION_LABELS: Record<Condition["type"], string> = {
  webinarStatus: "webinar status",
  engagement: "engagement in a webinar",
  score: "score",
  field: "a prospect field",
  campaign: "campaign",
  createdBy: "created by",
  listMember: "member of a list",
  hasTag: "has a tag",
  submittedForm: "submitted a form",
  createdWithin: "created within",
  lastActivityWithin: "last activity within",
};
const STATUS_LABELS = {
  registered: "registered for",
  accepted: "were accepted for",
  attended: "attended",
  absent: "were absent from",
  cancelled: "cancelled their registration for",
} as const;
const FIELD_LABELS: Record<string, string> = {
  email: "E-mail",
  firstName: "First name",
  lastName: "Last name",
  company: "Company",
  jobTitle: "Job title",
  phone: "Phone",
  address: "Address",
  city: "City",
  state: "State",
  zipCode: "ZIP code",
  country: "Country",
  industry: "Industry",
  numberOfEmployees: "Number of employees",
  purchasingRole: "Purchasing role",
  purchasingTimeFrame: "Purchasing time frame",
  questionsAndComments: "Questions and comments",
};
export const FIELD_NAMES = Object.keys(FIELD_LABELS);
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** A new condition of a type, with values a marketer can change. */
export function newCondition(type: Condition["type"], options: CriteriaOptions): Condition {
  const firstWebinar: WebinarScope = options.webinars[0] ? { webinarId: options.webinars[0].id } : { anyWebinar: true };
  switch (type) {
    case "webinarStatus":
      return { type, status: "attended", webinar: firstWebinar };
    case "engagement":
      return { type, metric: "minutesAttended", op: "gte", value: 30, webinar: firstWebinar };
    case "score":
      return { type, op: "gte", value: 50 };
    case "field":
      return { type, field: "company", op: "contains", value: "" };
    case "campaign":
      return { type, campaignId: options.campaigns[0]?.id ?? "" };
    case "createdBy":
      return { type, source: "GOTO_SYNC" };
    case "listMember":
      return { type, listId: options.lists[0]?.id ?? "" };
    case "hasTag":
      return { type, tagId: options.tags[0]?.id ?? "" };
    case "submittedForm":
      return { type, formId: options.forms[0]?.id ?? "" };
    case "createdWithin":
    case "lastActivityWithin":
      return { type, period: { lastDays: 30 } };
  }
}

export function emptyCriteria(options: CriteriaOptions): Criteria {
  return { type: "group", match: "all", conditions: [newCondition("webinarStatus", options)] };
}

/**
 * The criteria tree as a sentence ("Prospects who match all of: attended X, and …"), edited in
 * place, with the live match count (a debounced preview) and the API's message for a condition
 * it refuses.
 */
export function CriteriaBuilder({
  value,
  onChange,
  options,
  maxDepth = 3,
}: {
  value: Criteria;
  onChange(next: Criteria): void;
  options: CriteriaOptions;
  maxDepth?: number;
}) {
  const preview = useCriteriaPreview(value);

  return (
    <div className="criteria-builder">
      <GroupEditor
        group={value}
        onChange={(g) => onChange(g)}
        options={options}
        path=""
        depth={1}
        maxDepth={maxDepth}
      />
      <output className="criteria-preview" aria-live="polite" aria-busy={preview.busy}>
        {preview.error !== undefined ? (
          <Alert tone="danger" title="This condition needs fixing">
            {explainError(preview.error)}
          </Alert>
        ) : preview.result ? (
          <>
            <strong className="criteria-count" data-testid="match-count">
              {formatNumber(preview.result.count)} {preview.result.count === 1 ? "prospect matches" : "prospects match"}{" "}
              now
            </strong>
            <span className="muted small">{preview.result.description}</span>
            {preview.result.sample.length > 0 ? (
              <span className="muted small">
                For example:{" "}
                {preview.result.sample.map((p) => (fullName(p) ? `${fullName(p)} (${p.email})` : p.email)).join(", ")}
              </span>
            ) : null}
          </>
        ) : (
          <span className="muted">Counting matches…</span>
        )}
      </output>
    </div>
  );
}

/** "criteria.conditions.1.status: …" → "Condition 2, status: …": the API names the node at fault. */
export function explainError(error: unknown): string {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return message;
  return message.replace(/^(?:body\.)?criteria((?:\.conditions\.\d+)+)\.?([\w.]*)?: /, (_all, nodes: string, rest) => {
    const numbers = [...nodes.matchAll(/\.conditions\.(\d+)/g)].map((m) => Number(m[1]) + 1);
    return `Condition ${numbers.join(".")}${rest ? `, ${rest}` : ""}: `;
  });
}

function GroupEditor({
  group,
  onChange,
  options,
  path,
  depth,
  maxDepth,
  onRemove,
}: {
  group: Group;
  onChange(next: Group): void;
  options: CriteriaOptions;
  path: string;
  depth: number;
  maxDepth: number;
  onRemove?(): void;
}) {
  const set = (i: number, node: CriteriaNode) =>
    onChange({ ...group, conditions: group.conditions.map((c, j) => (j === i ? node : c)) });
  const remove = (i: number) => onChange({ ...group, conditions: group.conditions.filter((_, j) => j !== i) });
  const label = path ? `group ${path}` : "the criteria";
  return (
    <fieldset className={depth === 1 ? "criteria-group root" : "criteria-group"}>
      <legend className="criteria-sentence">
        <Select
          label={`Include or exclude ${label}`}
          value={group.not ? "not" : ""}
          onChange={(v) => onChange({ ...group, not: v === "not" || undefined })}
        >
          <option value="">{depth === 1 ? "Prospects who match" : "who match"}</option>
          <option value="not">{depth === 1 ? "Prospects who do not match" : "who do not match"}</option>
        </Select>
        <Select
          label={`All or any of ${label}`}
          value={group.match}
          onChange={(v) => onChange({ ...group, match: v as Group["match"] })}
        >
          <option value="all">all</option>
          <option value="any">any</option>
        </Select>
        <span>of these:</span>
        {onRemove ? (
          <Button size="sm" variant="ghost" icon="trash" onClick={onRemove}>
            Remove group
          </Button>
        ) : null}
      </legend>
      <ol className="criteria-conditions">
        {group.conditions.map((node, i) => {
          const childPath = path ? `${path}.${i + 1}` : `${i + 1}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place.
            <li key={i}>
              {i > 0 ? <span className="criteria-joiner">{group.match === "all" ? "and" : "or"}</span> : null}
              {node.type === "group" ? (
                <GroupEditor
                  group={node}
                  onChange={(g) => set(i, g)}
                  options={options}
                  path={childPath}
                  depth={depth + 1}
                  maxDepth={maxDepth}
                  onRemove={() => remove(i)}
                />
              ) : (
                <ConditionEditor
                  condition={node}
                  onChange={(c) => set(i, c)}
                  options={options}
                  path={childPath}
                  onRemove={group.conditions.length > 1 ? () => remove(i) : undefined}
                />
              )}
            </li>
          );
        })}
      </ol>
      <div className="row">
        <Button
          size="sm"
          icon="plus"
          onClick={() => onChange({ ...group, conditions: [...group.conditions, newCondition("score", options)] })}
        >
          Add condition{path ? ` to group ${path}` : ""}
        </Button>
        {depth < maxDepth ? (
          <Button
            size="sm"
            icon="plus"
            onClick={() =>
              onChange({
                ...group,
                conditions: [
                  ...group.conditions,
                  {
                    type: "group",
                    match: group.match === "all" ? "any" : "all",
                    conditions: [newCondition("webinarStatus", options)],
                  },
                ],
              })
            }
          >
            Add group{path ? ` to group ${path}` : ""}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}

function ConditionEditor({
  condition,
  onChange,
  options,
  path,
  onRemove,
}: {
  condition: Condition;
  onChange(next: Condition): void;
  options: CriteriaOptions;
  path: string;
  onRemove?(): void;
}) {
  const name = `condition ${path}`;
  const patch = (changes: Partial<Condition>) => onChange({ ...condition, ...changes } as Condition);
  return (
    <fieldset className="criteria-condition">
      <legend className="sr-only">Condition {path}</legend>
      <Select
        label={`Type of ${name}`}
        value={condition.type}
        onChange={(v) => onChange(newCondition(v as Condition["type"], options))}
      >
        {Object.entries(CONDITION_LABELS).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </Select>
      <Select
        label={`Negate ${name}`}
        value={condition.not ? "not" : ""}
        onChange={(v) => patch({ not: v === "not" || undefined })}
      >
        <option value="">is</option>
        <option value="not">is not</option>
      </Select>
      <ConditionFields condition={condition} onChange={onChange} options={options} name={name} />
      {onRemove ? <Button size="sm" variant="ghost" icon="x" onClick={onRemove} aria-label={`Remove ${name}`} /> : null}
    </fieldset>
  );
}

function ConditionFields({
  condition: c,
  onChange,
  options,
  name,
}: {
  condition: Condition;
  onChange(next: Condition): void;
  options: CriteriaOptions;
  name: string;
}): ReactNode {
  const patch = (changes: object) => onChange({ ...c, ...changes } as Condition);
  switch (c.type) {
    case "webinarStatus":
      return (
        <>
          <Select label={`Status in ${name}`} value={c.status} onChange={(v) => patch({ status: v })}>
            {Object.entries(STATUS_LABELS).map(([status, label]) => (
              <option key={status} value={status}>
                {label}
              </option>
            ))}
          </Select>
          <ScopeEditor scope={c.webinar} onChange={(webinar) => patch({ webinar })} options={options} name={name} />
        </>
      );
    case "engagement": {
      const measured = c.metric === "minutesAttended" || c.metric === "attendancePercent";
      return (
        <>
          <Select
            label={`Engagement in ${name}`}
            value={c.metric}
            onChange={(metric) =>
              onChange(
                metric === "minutesAttended" || metric === "attendancePercent"
                  ? {
                      type: "engagement",
                      metric,
                      op: "gte",
                      value: metric === "minutesAttended" ? 30 : 50,
                      webinar: c.webinar,
                      not: c.not,
                    }
                  : { type: "engagement", metric: metric as "askedQuestion", webinar: c.webinar, not: c.not },
              )
            }
          >
            <option value="minutesAttended">attended for (minutes)</option>
            <option value="attendancePercent">attended this % of the session</option>
            <option value="askedQuestion">asked a question in</option>
            <option value="answeredPoll">answered a poll in</option>
            <option value="answeredSurvey">answered a survey in</option>
          </Select>
          {measured ? (
            <>
              <Select label={`Comparison in ${name}`} value={c.op} onChange={(op) => patch({ op })}>
                <option value="gte">at least</option>
                <option value="lte">at most</option>
              </Select>
              <NumberInput label={`Amount in ${name}`} value={c.value} onChange={(value) => patch({ value })} />
              <span>in</span>
            </>
          ) : null}
          <ScopeEditor scope={c.webinar} onChange={(webinar) => patch({ webinar })} options={options} name={name} />
        </>
      );
    }
    case "score":
      return (
        <>
          <Select label={`Comparison in ${name}`} value={c.op} onChange={(op) => patch({ op })}>
            <option value="gte">at least</option>
            <option value="lte">at most</option>
            <option value="eq">exactly</option>
          </Select>
          <NumberInput label={`Score in ${name}`} value={c.value} onChange={(value) => patch({ value })} />
        </>
      );
    case "field":
      return (
        <>
          <Select
            label={`Field in ${name}`}
            value={c.field ?? ""}
            onChange={(field) =>
              onChange({ type: "field", field: field as "company", op: c.op, value: c.value, not: c.not })
            }
          >
            {FIELD_NAMES.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(f)}
              </option>
            ))}
          </Select>
          <Select label={`Operator in ${name}`} value={c.op} onChange={(op) => patch({ op })}>
            <option value="equals">equals</option>
            <option value="contains">contains</option>
            <option value="startsWith">starts with</option>
            <option value="isEmpty">is empty</option>
          </Select>
          {c.op === "isEmpty" ? null : (
            <TextInput label={`Value in ${name}`} value={c.value ?? ""} onChange={(value) => patch({ value })} />
          )}
        </>
      );
    case "campaign":
      return (
        <Picker
          label={`Campaign in ${name}`}
          value={c.campaignId}
          items={options.campaigns}
          onChange={(campaignId) => patch({ campaignId })}
        />
      );
    case "createdBy":
      return (
        <Select label={`Source in ${name}`} value={c.source} onChange={(source) => patch({ source })}>
          <option value="GOTO_SYNC">the GoTo Webinar sync</option>
          <option value="FORM">a form</option>
          <option value="MANUAL">hand</option>
        </Select>
      );
    case "listMember":
      return (
        <Picker
          label={`List in ${name}`}
          value={c.listId}
          items={options.lists}
          onChange={(listId) => patch({ listId })}
        />
      );
    case "hasTag":
      return (
        <Picker label={`Tag in ${name}`} value={c.tagId} items={options.tags} onChange={(tagId) => patch({ tagId })} />
      );
    case "submittedForm":
      return (
        <>
          <Picker
            label={`Form in ${name}`}
            value={c.formId}
            items={options.forms}
            onChange={(formId) => patch({ formId })}
          />
          <Select
            label={`When in ${name}`}
            value={c.within ? "within" : ""}
            onChange={(v) => patch({ within: v ? { lastDays: 30 } : undefined })}
          >
            <option value="">ever</option>
            <option value="within">within</option>
          </Select>
          {c.within ? <PeriodEditor period={c.within} onChange={(within) => patch({ within })} name={name} /> : null}
        </>
      );
    case "createdWithin":
    case "lastActivityWithin":
      return <PeriodEditor period={c.period} onChange={(period) => patch({ period })} name={name} />;
  }
}

function ScopeEditor({
  scope,
  onChange,
  options,
  name,
}: {
  scope: WebinarScope;
  onChange(next: WebinarScope): void;
  options: CriteriaOptions;
  name: string;
}) {
  const kind = Object.keys(scope)[0] as string;
  const switchTo = (next: string): WebinarScope => {
    if (next === "webinarId") return { webinarId: options.webinars[0]?.id ?? "" };
    if (next === "connectorId") return { connectorId: options.connectors[0]?.id ?? "" };
    if (next === "subjectContains") return { subjectContains: "" };
    if (next === "startsWithin") return { startsWithin: { lastDays: 30 } };
    return { anyWebinar: true };
  };
  return (
    <>
      <Select label={`Which webinars in ${name}`} value={kind} onChange={(v) => onChange(switchTo(v))}>
        <option value="webinarId">the webinar</option>
        <option value="connectorId">any webinar of the connector</option>
        <option value="subjectContains">any webinar whose subject contains</option>
        <option value="startsWithin">any webinar held within</option>
        <option value="anyWebinar">any webinar</option>
        {kind === "programId" ? <option value="programId">the webinar series</option> : null}
      </Select>
      {"webinarId" in scope ? (
        <Picker
          label={`Webinar in ${name}`}
          value={scope.webinarId}
          items={options.webinars.map((w) => ({ id: w.id, name: `${w.subject} (${w.startsAt.slice(0, 10)})` }))}
          onChange={(webinarId) => onChange({ webinarId })}
        />
      ) : "connectorId" in scope ? (
        <Picker
          label={`Connector in ${name}`}
          value={scope.connectorId}
          items={options.connectors}
          onChange={(connectorId) => onChange({ connectorId })}
        />
      ) : "subjectContains" in scope ? (
        <TextInput
          label={`Subject text in ${name}`}
          value={scope.subjectContains}
          onChange={(subjectContains) => onChange({ subjectContains })}
        />
      ) : "startsWithin" in scope ? (
        <PeriodEditor period={scope.startsWithin} onChange={(startsWithin) => onChange({ startsWithin })} name={name} />
      ) : null}
    </>
  );
}

function PeriodEditor({ period, onChange, name }: { period: Period; onChange(next: Period): void; name: string }) {
  const relative = "lastDays" in period;
  return (
    <>
      <Select
        label={`Period kind in ${name}`}
        value={relative ? "last" : "between"}
        onChange={(v) =>
          onChange(v === "last" ? { lastDays: 30 } : { from: new Date(Date.now() - 30 * 86_400_000).toISOString() })
        }
      >
        <option value="last">the last</option>
        <option value="between">between</option>
      </Select>
      {"lastDays" in period ? (
        <>
          <NumberInput
            label={`Days in ${name}`}
            value={period.lastDays}
            onChange={(lastDays) => onChange({ lastDays })}
          />
          <span>days</span>
        </>
      ) : (
        <>
          <DateInput label={`From in ${name}`} value={period.from} onChange={(from) => onChange({ ...period, from })} />
          <span>and</span>
          <DateInput label={`To in ${name}`} value={period.to} onChange={(to) => onChange({ ...period, to })} />
        </>
      )}
    </>
  );
}

// Inline controls: each carries its own accessible name, since a sentence has no room for visible labels.
function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  return (
    <select className="select inline" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {children}
    </select>
  );
}

/** An inline choice among named items (a list, a tag, a webinar), with its own accessible name. */
export function Picker({
  label,
  value,
  items,
  onChange,
}: {
  label: string;
  value: string;
  items: { id: string; name: string }[];
  onChange(id: string): void;
}) {
  return (
    <Select label={label} value={value} onChange={onChange}>
      {value === "" ? <option value="">choose…</option> : null}
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
      {value && !items.some((i) => i.id === value) ? (
        <option value={value}>(unknown: {value.slice(0, 8)})</option>
      ) : null}
    </Select>
  );
}

function TextInput({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  return <input className="input inline" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
}

function NumberInput({ label, value, onChange }: { label: string; value: number; onChange(value: number): void }) {
  return (
    <input
      className="input inline num-input"
      type="number"
      aria-label={label}
      value={Number.isFinite(value) ? value : ""}
      onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
    />
  );
}

function DateInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
}) {
  return (
    <input
      className="input inline"
      type="date"
      aria-label={label}
      value={value ? value.slice(0, 10) : ""}
      onChange={(e) => onChange(e.target.value ? new Date(`${e.target.value}T00:00:00Z`).toISOString() : undefined)}
    />
  );
}
