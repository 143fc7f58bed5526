import type { ApiError } from "../../api/client";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { useCriteriaOptions } from "../segments/use-criteria-options";

/** The prospects page's filters as URL keys (the API's names, so the CSV link takes them as they are). */
export const FILTER_KEYS = [
  "listId",
  "tagId",
  "campaignId",
  "webinarId",
  "webinarStatus",
  "scoreMin",
  "scoreMax",
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const STATUSES = [
  ["registered", "Registered"],
  ["accepted", "Accepted"],
  ["attended", "Attended"],
  ["absent", "Absent"],
  ["cancelled", "Cancelled"],
] as const;

/** List, tag, campaign, webinar + status and score range; the API's 400 shown at the field it names. */
export function ProspectFilterFields({
  values,
  onChange,
  error,
  onClear,
}: {
  values: Record<FilterKey, string>;
  onChange(changes: Partial<Record<FilterKey, string>>): void;
  error: ApiError | undefined;
  /** Offered only while a filter is set. */
  onClear?: () => void;
}) {
  const options = useCriteriaOptions();
  const fieldError = (key: FilterKey) => error?.fieldMessage(key);
  const choice = (key: FilterKey, label: string, any: string, items: { id: string; name: string }[]) => (
    <SelectField
      label={label}
      value={values[key]}
      // Another webinar starts from its default status (registered), not the last one's.
      onChange={(e) => onChange({ [key]: e.target.value, ...(key === "webinarId" ? { webinarStatus: "" } : {}) })}
      error={fieldError(key)}
    >
      <option value="">{any}</option>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
      {/* A link to a list since deleted still shows what it asks for; the API's 400 says why it fails. */}
      {values[key] && !items.some((item) => item.id === values[key]) ? (
        <option value={values[key]}>{options.loaded ? "Unknown" : "Loading…"}</option>
      ) : null}
    </SelectField>
  );
  const score = (key: "scoreMin" | "scoreMax", label: string) => (
    <TextField
      label={label}
      type="number"
      inputMode="numeric"
      step={1}
      value={values[key]}
      onChange={(e) => onChange({ [key]: e.target.value })}
      error={fieldError(key)}
    />
  );
  return (
    <fieldset className="card-body filter-grid">
      <legend className="sr-only">Filters</legend>
      {choice("listId", "List", "Any list", options.lists)}
      {choice("tagId", "Tag", "Any tag", options.tags)}
      {choice("campaignId", "Campaign", "Any campaign", options.campaigns)}
      {choice(
        "webinarId",
        "Webinar",
        "Any webinar",
        options.webinars.map((w) => ({ id: w.id, name: w.subject })),
      )}
      <SelectField
        label="Webinar status"
        value={values.webinarId ? values.webinarStatus || "registered" : ""}
        onChange={(e) => onChange({ webinarStatus: e.target.value })}
        disabled={!values.webinarId}
        hint={values.webinarId ? undefined : "Choose a webinar first"}
        error={fieldError("webinarStatus")}
      >
        {values.webinarId ? null : <option value="">Any status</option>}
        {STATUSES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      {score("scoreMin", "Score at least")}
      {score("scoreMax", "Score at most")}
      {onClear ? (
        <div className="filter-grid-action">
          <Button onClick={onClear}>Clear filters</Button>
        </div>
      ) : null}
    </fieldset>
  );
}
