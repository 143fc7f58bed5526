import type { RuleAction, RuleRun, WebinarOptions } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { FIELD_NAMES, fieldLabel, Picker } from "../segments/CriteriaBuilder";
import type { CriteriaOptions } from "../segments/use-criteria-options";

export const ACTION_LABELS: Record<RuleAction["type"], string> = {
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

export function newAction(
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

/** One action of a rule: its type and what it takes. */
export function ActionEditor({
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
