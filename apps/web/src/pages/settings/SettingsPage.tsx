import type { CampaignList, DefaultCampaign, RegistrantSource } from "@gw/api-contract";
import type { ChangeEvent } from "react";
import { fieldErrorMessage } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";
import { Button } from "../../components/Button";
import { CardForm, SelectField, SubmitRow, TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { bothQueries, QueryView } from "../../components/States";
import { useEditable } from "../../hooks/use-editable";

const PLACEHOLDER_HELP: Record<string, string> = {
  utm_source: "utm_source of the form's address, e.g. newsletter",
  utm_medium: "utm_medium, e.g. email",
  utm_campaign: "utm_campaign, e.g. spring-launch",
  utm_term: "utm_term (paid search keyword)",
  utm_content: "utm_content (which link or ad)",
  referrer: "the page the visitor came from, in full",
  referrer_host: "that page's host name only, e.g. www.linkedin.com",
  form: "the form's name",
};

/** Admin > Settings: account-wide choices for form registrations. */
export function SettingsPage() {
  const isAdmin = useMe().user.role === "ADMIN";
  return (
    <>
      <PageHeader
        title="Settings"
        breadcrumbs={[{ label: "Admin" }, { label: "Settings" }]}
        description="How form registrations are labelled in GoTo Webinar and which campaign new prospects join."
      />
      <RegistrantSourceCard isAdmin={isAdmin} />
      <DefaultCampaignCard isAdmin={isAdmin} />
    </>
  );
}

const templateOf = (data: RegistrantSource | undefined) => data?.template ?? "";
const campaignOf = (data: DefaultCampaign | undefined) => data?.campaign?.id ?? "";
const same = (a: string, b: string) => a === b;

/** A setting's field bound to its draft: everyone sees it, only admins change it. */
function boundTo(draft: string, setDraft: (update: () => string) => void, isAdmin: boolean) {
  return {
    value: draft,
    disabled: !isAdmin,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft(() => e.target.value),
  };
}

function RegistrantSourceCard({ isAdmin }: { isAdmin: boolean }) {
  const {
    query: current,
    draft: template,
    setDraft,
    save,
    saveBody,
    busy,
    error,
  } = useEditable({
    path: "/api/settings/registrant-source",
    toDraft: templateOf,
    same,
    toBody: (template: string) => ({ template }),
    savedMessage: (saved: RegistrantSource) =>
      saved.isDefault ? "Source template back to the default." : "Source template saved.",
  });

  return (
    <Card title="Registrant source" id="registrant-source">
      <QueryView query={current} rows={3}>
        {(data) => (
          <CardForm noValidate onSave={save}>
            <p className="muted">
              A hosted form tells GoTo Webinar where each registrant came from (GoTo's <em>source</em> field, shown in
              its registrant reports and here under “Registrations by source”). The label is built from this template
              over the UTM parameters and referrer of the visit; an empty result sends no source.
            </p>
            <TextField
              label="Source template"
              {...boundTo(template, setDraft, isAdmin)}
              error={error ? fieldErrorMessage(error, "template") : undefined}
              hint={
                data.isDefault ? "The built-in default is in use." : `The built-in default is ${data.defaultTemplate}.`
              }
            />
            <div>
              <h3 className="small">Placeholders</h3>
              <dl className="placeholder-list small">
                {data.placeholders.map((name) => (
                  <div key={name} style={{ display: "contents" }}>
                    <dt>
                      <code>{`{${name}}`}</code>
                    </dt>
                    <dd className="muted" style={{ margin: 0 }}>
                      {PLACEHOLDER_HELP[name] ?? ""}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
            {isAdmin ? (
              <SubmitRow label="Save template" saving={busy}>
                {!data.isDefault ? (
                  <Button disabled={busy} onClick={() => saveBody({ template: null })}>
                    Restore default
                  </Button>
                ) : null}
              </SubmitRow>
            ) : (
              <p className="muted small">Only admins change settings.</p>
            )}
          </CardForm>
        )}
      </QueryView>
    </Card>
  );
}

function DefaultCampaignCard({ isAdmin }: { isAdmin: boolean }) {
  const campaigns = useApi<CampaignList>("/api/campaigns");
  const {
    query: current,
    draft: campaignId,
    setDraft,
    save,
    busy,
    error,
  } = useEditable({
    path: "/api/settings/default-campaign",
    toDraft: campaignOf,
    same,
    toBody: (campaignId: string) => ({ campaignId: campaignId || null }),
    savedMessage: (saved: DefaultCampaign) =>
      saved.campaign ? `New prospects join “${saved.campaign.name}”.` : "No default campaign.",
  });

  return (
    <Card title="Default campaign" id="default-campaign">
      <QueryView query={bothQueries(current, campaigns)} rows={2}>
        {([, campaignList]) => (
          <CardForm noValidate onSave={save}>
            <p className="muted">
              Prospects a form creates join the form's campaign; when the form names none, they join this one. Prospects
              that already exist keep theirs, and the sync's prospects join their connector's campaign.
            </p>
            <SelectField label="Campaign" {...boundTo(campaignId, setDraft, isAdmin)} error={error?.message}>
              <option value="">No default campaign</option>
              {campaignList.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            {isAdmin ? <SubmitRow label="Save campaign" saving={busy} /> : null}
          </CardForm>
        )}
      </QueryView>
    </Card>
  );
}
