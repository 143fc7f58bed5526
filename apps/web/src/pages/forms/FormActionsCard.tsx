import type { CompletionAction, List, WebinarOption } from "@gw/api-contract";
import { useMemo } from "react";
import { useFieldArray, useFormContext, useFormState, useWatch } from "react-hook-form";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { formatDateTime } from "../../lib/format";
import { errorAt } from "./form-editor-schema";
import { type ActionDraft, describeAction, type EditorValues, registerActionOf } from "./form-model";
import { useSetEditorValue } from "./use-editor-field";

const NEW_LIST = "__new__";

export interface FormActionsCardProps {
  webinars: WebinarOption[];
  webinarsLoading: boolean;
  lists: List[];
}

/** What a submission does: register for a webinar, add to a list, tag, adjust the score. */
export function FormActionsCard({ webinars, webinarsLoading, lists }: FormActionsCardProps) {
  const { control } = useFormContext<EditorValues>();
  const rows = useFieldArray({ control, name: "completionActions" });
  const actions = useWatch({ control, name: "completionActions" });
  const { errors } = useFormState({ control, name: "completionActions" });
  const setValue = useSetEditorValue();
  const register = registerActionOf(actions);
  const names = useMemo(
    () => ({
      webinars: new Map(webinars.map((w) => [w.id, w.subject])),
      lists: new Map(lists.map((l) => [l.id, l.name])),
    }),
    [webinars, lists],
  );

  const add = (type: CompletionAction["type"]) => {
    // A dynamic list's members follow its criteria: a form cannot add to one.
    const firstList = lists.find((l) => l.kind !== "DYNAMIC");
    const action: ActionDraft =
      type === "REGISTER_WEBINAR"
        ? { type, webinarId: webinars[0]?.id ?? "" }
        : type === "ADD_TO_LIST"
          ? firstList
            ? { type, listId: firstList.id }
            : { type, list: "" }
          : type === "ADD_TAG"
            ? { type, tag: "" }
            : { type, points: 10 };
    rows.append(action);
  };

  return (
    <Card
      title="Completion actions"
      id="completion"
      actions={
        <SelectField
          label={<span className="sr-only">Add a completion action</span>}
          value=""
          onChange={(e) => {
            if (e.target.value) add(e.target.value as CompletionAction["type"]);
          }}
        >
          <option value="">+ Add action…</option>
          <option value="REGISTER_WEBINAR" disabled={Boolean(register)}>
            Register for webinar
          </option>
          <option value="ADD_TO_LIST">Add to list</option>
          <option value="ADD_TAG">Add tag</option>
          <option value="ADJUST_SCORE">Adjust score</option>
        </SelectField>
      }
    >
      <div className="card-body stack">
        {rows.fields.length === 0 ? (
          <p className="muted">
            Nothing happens after a submission besides storing it. Add “Register for webinar” to send people to GoTo
            Webinar.
          </p>
        ) : null}
        {rows.fields.map((row, index) => {
          const action = actions[index] ?? row;
          return (
            <div key={row.id} className="row" style={{ alignItems: "flex-end" }}>
              <div style={{ flex: 1 }}>
                <ActionEditor
                  action={action}
                  index={index}
                  webinars={webinars}
                  webinarsLoading={webinarsLoading}
                  lists={lists}
                  onChange={(next) => setValue(`completionActions.${index}`, next)}
                  error={errorAt(errors, `completionActions.${index}`)}
                />
              </div>
              <Button
                variant="ghost"
                icon="trash"
                aria-label={`Remove action: ${describeAction(action, names)}`}
                onClick={() => rows.remove(index)}
              />
            </div>
          );
        })}
      </div>
    </Card>
  );
}

interface ActionEditorProps {
  action: ActionDraft;
  index: number;
  webinars: WebinarOption[];
  webinarsLoading: boolean;
  lists: List[];
  onChange(action: ActionDraft): void;
  error?: string;
}

function ActionEditor(props: ActionEditorProps) {
  const { action, index, lists, onChange, error } = props;
  switch (action.type) {
    case "REGISTER_WEBINAR":
      return <RegisterEditor {...props} action={action} />;
    case "ADD_TO_LIST": {
      const choices = lists.filter((l) => l.kind !== "DYNAMIC");
      const creating = action.list !== undefined;
      return (
        <div className="stack">
          <SelectField
            label="Add to list"
            value={creating ? NEW_LIST : (action.listId ?? "")}
            onChange={(e) =>
              onChange(
                e.target.value === NEW_LIST
                  ? { type: action.type, list: "" }
                  : { type: action.type, listId: e.target.value },
              )
            }
            error={creating ? undefined : error}
          >
            {choices.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
            <option value={NEW_LIST}>New list…</option>
          </SelectField>
          {creating ? (
            <TextField
              label="New list's name"
              value={action.list ?? ""}
              onChange={(e) => onChange({ type: action.type, list: e.target.value })}
              error={error}
              hint="Created when the form is saved (a static list)."
              id={`list-${index}`}
            />
          ) : null}
        </div>
      );
    }
    case "ADD_TAG":
      return (
        <TextField
          label="Add tag"
          value={action.tag}
          onChange={(e) => onChange({ ...action, tag: e.target.value })}
          error={error}
          hint="Created the first time it is used."
          id={`tag-${index}`}
        />
      );
    case "ADJUST_SCORE":
      return (
        <TextField
          label="Adjust score by"
          type="number"
          step={1}
          value={String(action.points)}
          onChange={(e) => onChange({ ...action, points: Number(e.target.value) })}
          error={error}
        />
      );
  }
}

type Sessions = "picked" | "all" | "choose";
const SESSION_CHOICES: { value: Sessions; label: (sessions: number) => string }[] = [
  { value: "picked", label: () => "This session only" },
  { value: "all", label: (n) => `Every upcoming session of the series (${n} sessions)` },
  {
    value: "choose",
    label: () => "The visitor chooses one session (sessions that started or ended are not offered)",
  },
];

function RegisterEditor({
  action,
  index,
  webinars,
  webinarsLoading,
  onChange,
  error,
}: ActionEditorProps & { action: Extract<ActionDraft, { type: "REGISTER_WEBINAR" }> }) {
  const series = webinars.find((w) => w.id === action.webinarId)?.series;
  const chosen: Sessions = action.sessions === "all" || action.sessions === "choose" ? action.sessions : "picked";
  return (
    <div className="stack">
      <SelectField
        label="Register for webinar"
        value={action.webinarId}
        onChange={(e) => {
          // "Every session" only means something for a session of a series: drop it otherwise.
          const next = webinars.find((w) => w.id === e.target.value);
          const { sessions: _, ...rest } = action;
          onChange(
            next?.series && chosen !== "picked"
              ? { ...rest, webinarId: e.target.value, sessions: chosen }
              : { ...rest, webinarId: e.target.value },
          );
        }}
        error={error}
        hint={
          webinars.length === 0 && !webinarsLoading
            ? "No upcoming webinars of a verified connector. Past webinars are never offered."
            : "Upcoming webinars only."
        }
      >
        {webinars.length === 0 ? (
          <option value="">{webinarsLoading ? "Loading…" : "No upcoming webinars"}</option>
        ) : null}
        {action.webinarId && !webinars.some((w) => w.id === action.webinarId) ? (
          <option value={action.webinarId}>(a webinar that has started or ended)</option>
        ) : null}
        {webinars.map((w) => (
          <option key={w.id} value={w.id}>
            {w.subject} · {formatDateTime(w.startsAt)}
            {w.connector ? ` · ${w.connector.name}` : ""}
          </option>
        ))}
      </SelectField>
      {series && series.upcomingSessions > 1 ? (
        <fieldset className="stack choice-group">
          <legend>Sessions of “{series.subject}”</legend>
          {SESSION_CHOICES.map((choice) => (
            <label key={choice.value} className="row">
              <input
                type="radio"
                name={`sessions-${index}`}
                checked={chosen === choice.value}
                onChange={() => onChange({ ...action, sessions: choice.value })}
              />{" "}
              {choice.label(series.upcomingSessions)}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
