import type { CampaignList } from "@gw/api-contract";
import { useFieldArray, useFormContext, useFormState } from "react-hook-form";
import { useApi } from "../../api/use-api";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { errorAt } from "./form-editor-schema";
import type { EditorValues } from "./form-model";
import { useEditorField } from "./use-editor-field";

/**
 * The form's consent checkboxes (text, version, required) and the campaign of the prospects it
 * creates. Changing a consent's text should come with a new version: the prospect keeps the
 * version they agreed to.
 */
export function FormConsentsCard() {
  const { control } = useFormContext<EditorValues>();
  const consents = useFieldArray({ control, name: "consents" });
  return (
    <Card title="Consent and campaign" id="consent">
      <div className="card-body stack">
        {consents.fields.length === 0 ? <p className="muted">No consent checkboxes.</p> : null}
        {consents.fields.map((row, index) => (
          <ConsentFields key={row.id} index={index} onRemove={() => consents.remove(index)} />
        ))}
        <div>
          <Button
            variant="secondary"
            icon="plus"
            onClick={() => consents.append({ text: "", version: "1", required: false })}
          >
            Add consent checkbox
          </Button>
        </div>
        <CampaignField />
      </div>
    </Card>
  );
}

function ConsentFields({ index, onRemove }: { index: number; onRemove(): void }) {
  const text = useEditorField(`consents.${index}.text`);
  // A name the API refuses is one it made from the text: the text is what to change.
  const nameError = errorAt(
    useFormState<EditorValues>({ name: `consents.${index}.name` }).errors,
    `consents.${index}.name`,
  );
  const version = useEditorField(`consents.${index}.version`);
  const required = useEditorField(`consents.${index}.required`).input;
  return (
    <fieldset className="stack">
      <legend>Consent {index + 1}</legend>
      <TextField label="Text shown beside the checkbox" {...text.input} error={text.error ?? nameError} />
      <TextField label="Version" hint="Change it when you change the text" {...version.input} error={version.error} />
      <label className="row">
        <input
          type="checkbox"
          name={required.name}
          checked={required.value ?? false}
          onChange={required.onChange}
          onBlur={required.onBlur}
        />{" "}
        Required to submit
      </label>
      <div>
        <Button variant="ghost" icon="trash" onClick={onRemove}>
          Remove consent {index + 1}
        </Button>
      </div>
    </fieldset>
  );
}

function CampaignField() {
  const campaigns = useApi<CampaignList>("/api/campaigns");
  const { input, error } = useEditorField("campaignId");
  return (
    <SelectField
      label="Campaign of new prospects"
      hint="Prospects this form creates get this campaign; existing prospects keep theirs"
      name={input.name}
      value={input.value ?? ""}
      onChange={(e) => input.onChange(e.target.value || null)}
      onBlur={input.onBlur}
      error={error}
    >
      <option value="">The account's default campaign</option>
      {(campaigns.data?.items ?? []).map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}
