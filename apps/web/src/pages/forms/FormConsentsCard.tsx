import type { CampaignList, FormConsent } from "@gw/api-contract";
import { useApi } from "../../api/use-api";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { Card } from "../../components/Layout";

/** A consent being edited; `name` is kept once saved (it keys the consent on prospects). */
export type ConsentDraft = Omit<FormConsent, "name"> & { name?: string };

export interface FormConsentsCardProps {
  consents: ConsentDraft[];
  onConsentsChange: (consents: ConsentDraft[]) => void;
  campaignId: string | null;
  onCampaignChange: (campaignId: string | null) => void;
  fieldError: (path: string) => string | undefined;
}

/**
 * The form's consent checkboxes (text, version, required) and the campaign of the prospects it
 * creates. Changing a consent's text should come with a new version: the prospect keeps the
 * version they agreed to.
 */
export function FormConsentsCard(props: FormConsentsCardProps) {
  const { consents, onConsentsChange } = props;
  const campaigns = useApi<CampaignList>("/api/campaigns");
  const update = (index: number, change: Partial<ConsentDraft>) =>
    onConsentsChange(consents.map((c, i) => (i === index ? { ...c, ...change } : c)));
  return (
    <Card title="Consent and campaign" id="consent">
      <div className="card-body stack">
        {consents.length === 0 ? <p className="muted">No consent checkboxes.</p> : null}
        {consents.map((consent, index) => (
          <fieldset key={consent.name ?? `new-${index}`} className="stack">
            <legend>Consent {index + 1}</legend>
            <TextField
              label="Text shown beside the checkbox"
              value={consent.text}
              onChange={(e) => update(index, { text: e.target.value })}
              error={props.fieldError(`consents.${index}.text`) ?? props.fieldError(`consents.${index}.name`)}
            />
            <TextField
              label="Version"
              hint="Change it when you change the text"
              value={consent.version}
              onChange={(e) => update(index, { version: e.target.value })}
              error={props.fieldError(`consents.${index}.version`)}
            />
            <label className="row">
              <input
                type="checkbox"
                checked={consent.required}
                onChange={(e) => update(index, { required: e.target.checked })}
              />{" "}
              Required to submit
            </label>
            <div>
              <Button
                variant="ghost"
                icon="trash"
                onClick={() => onConsentsChange(consents.filter((_, i) => i !== index))}
              >
                Remove consent {index + 1}
              </Button>
            </div>
          </fieldset>
        ))}
        <div>
          <Button
            variant="secondary"
            icon="plus"
            onClick={() => onConsentsChange([...consents, { text: "", version: "1", required: false }])}
          >
            Add consent checkbox
          </Button>
        </div>
        <SelectField
          label="Campaign of new prospects"
          hint="Prospects this form creates get this campaign; existing prospects keep theirs"
          value={props.campaignId ?? ""}
          onChange={(e) => props.onCampaignChange(e.target.value || null)}
          error={props.fieldError("campaignId")}
        >
          <option value="">The account's default campaign</option>
          {(campaigns.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
    </Card>
  );
}
