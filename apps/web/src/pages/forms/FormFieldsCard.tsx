import type { RegistrationForm } from "@gw/api-contract";
import { useState } from "react";
import { useFieldArray, useFormContext, useFormState, useWatch } from "react-hook-form";
import { useApi } from "../../api/use-api";
import { Button, RowButton } from "../../components/Button";
import { Card } from "../../components/Layout";
import { errorAt } from "./form-editor-schema";
import { type EditorValues, type FieldDraft, isLockedField, registerActionOf } from "./form-model";
import { useEditorField } from "./use-editor-field";

/** Which standard fields the form asks (label, required) and the GoTo custom questions it maps. */
export function FormFieldsCard() {
  const { control } = useFormContext<EditorValues>();
  const rows = useFieldArray({ control, name: "fields" });
  const fields = useWatch({ control, name: "fields" });
  const actions = useWatch({ control, name: "completionActions" });
  const { errors } = useFormState({ control, name: "fields" });
  const register = registerActionOf(actions);
  const error = errorAt(errors, "fields");
  const badRow = fields.findIndex((_, index) => errorAt(errors, `fields.${index}`));
  return (
    <Card title="Fields" id="fields">
      <div className="card-body">
        <p className="muted small" style={{ marginBottom: 8 }}>
          Pick what the form asks. GoTo Webinar's own page only gives e-mail and name; a form can collect the rest.
          {register ? " E-mail, first and last name are required to register." : null}
        </p>
        <fieldset style={{ border: 0, margin: 0, padding: 0 }} aria-describedby={error ? "fields-error" : undefined}>
          <legend className="sr-only">Form fields</legend>
          {rows.fields.map((row, index) => (
            <FieldRow
              key={row.id}
              index={index}
              row={row}
              locked={isLockedField(row, actions)}
              invalid={index === badRow}
              onRemove={() => rows.remove(index)}
            />
          ))}
        </fieldset>
        {error ? (
          <p className="error small" id="fields-error">
            {badRow >= 0 ? `${fields[badRow]?.title}: ${error}` : error}
          </p>
        ) : null}
        {register?.webinarId ? (
          <WebinarQuestions
            webinarId={register.webinarId}
            mapped={fields.map((f) => f.questionKey)}
            onAdd={(q) =>
              rows.append({
                key: `q-${q.questionKey}`,
                title: "GoTo question",
                questionKey: q.questionKey,
                label: q.question,
                required: q.required,
                included: true,
              })
            }
          />
        ) : null}
      </div>
    </Card>
  );
}

/** One field: asked or not, its label, required or not; a GoTo question can be taken off. */
function FieldRow(props: { index: number; row: FieldDraft; locked: boolean; invalid: boolean; onRemove(): void }) {
  const { row, locked } = props;
  const included = useEditorField(`fields.${props.index}.included`).input;
  const label = useEditorField(`fields.${props.index}.label`).input;
  const required = useEditorField(`fields.${props.index}.required`).input;
  const asked = included.value || locked;
  return (
    <div className="builder-row">
      <label className="row" style={{ fontWeight: 550 }}>
        <input
          type="checkbox"
          className="checkbox"
          name={included.name}
          checked={asked}
          disabled={locked || row.name === "email"}
          onChange={included.onChange}
          onBlur={included.onBlur}
        />
        {row.title}
      </label>
      <input
        className="input"
        aria-label={`Label for ${row.questionKey ? `question ${row.questionKey}` : row.title}`}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.invalid ? "fields-error" : undefined}
        {...label}
        disabled={!asked}
      />
      <label className="row small">
        <input
          type="checkbox"
          className="checkbox"
          name={required.name}
          checked={required.value || locked}
          disabled={!asked || locked}
          onChange={required.onChange}
          onBlur={required.onBlur}
        />
        Required
      </label>
      {row.questionKey ? (
        <RowButton icon="x" label={`Remove question ${row.questionKey}`} onClick={props.onRemove} />
      ) : (
        <span />
      )}
    </div>
  );
}

type Question = RegistrationForm["questions"][number];

/** The custom questions of the webinar's GoTo registration form, read when asked for. */
function WebinarQuestions(props: { webinarId: string; mapped: (string | undefined)[]; onAdd(q: Question): void }) {
  const [asked, setAsked] = useState(false);
  const form = useApi<RegistrationForm>(asked ? `/api/forms/webinar-options/${props.webinarId}/questions` : null);
  const questions = form.data?.questions;
  return (
    <div className="stack" style={{ marginTop: 12, gap: 8 }}>
      <Button size="sm" icon="plus" onClick={() => (asked ? form.reload() : setAsked(true))}>
        Add a question from the webinar's GoTo form
      </Button>
      {form.error ? <span className="error small">{form.error.message}</span> : null}
      {questions ? (
        questions.length === 0 ? (
          <span className="muted small">This webinar has no custom questions.</span>
        ) : (
          <div className="row">
            {questions
              .filter((q) => !props.mapped.includes(q.questionKey))
              .map((q) => (
                <Button key={q.questionKey} size="sm" variant="ghost" icon="plus" onClick={() => props.onAdd(q)}>
                  {q.question}
                </Button>
              ))}
          </div>
        )
      ) : null}
    </div>
  );
}
