import type { Connector } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { fieldMessage } from "../../api/client";
import { FormDialog } from "../../components/Dialog";
import { SelectField, Switch, TextField } from "../../components/Field";
import { FormError } from "../../components/States";
import { useConnectorDialog } from "./use-connectors";

const NEW_CAMPAIGN = "__new__";

/** Add or edit a connector: name, connector user, create-prospects and the campaign. */
export function ConnectorDialog({
  open,
  connector,
  onClose,
  onSaved,
}: {
  open: boolean;
  connector: Connector | null;
  onClose(): void;
  onSaved(connector: Connector, created: boolean): void;
}) {
  const { campaigns, createCampaign, save } = useConnectorDialog(open, connector);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [createProspects, setCreateProspects] = useState(true);
  const [campaignId, setCampaignId] = useState("");
  const [newCampaign, setNewCampaign] = useState("GoTo Webinar sync");
  const { reset: resetCampaign } = createCampaign;
  const { reset: resetSave } = save;

  useEffect(() => {
    if (!open) return;
    setName(connector?.name ?? "");
    setEmail(connector?.connectorUserEmail ?? "");
    setCreateProspects(connector?.createProspects ?? true);
    setCampaignId(connector?.campaign?.id ?? connector?.campaignId ?? "");
    resetCampaign();
    resetSave();
  }, [open, connector, resetCampaign, resetSave]);

  const list = campaigns.data?.items ?? [];
  // With no campaign yet, offer to create the suggested one straight away.
  useEffect(() => {
    if (open && !connector && campaigns.data && list.length === 0) setCampaignId(NEW_CAMPAIGN);
  }, [open, connector, campaigns.data, list.length]);

  const error = createCampaign.error ?? save.error ?? undefined;
  const fieldError = (field: string) => fieldMessage(save.error, field);

  const submit = async () => {
    // Each attempt shows its own refusal, not the one before.
    resetCampaign();
    resetSave();
    let campaign = campaignId || null;
    if (campaignId === NEW_CAMPAIGN) {
      const created = await createCampaign.mutateAsync(newCampaign.trim());
      setCampaignId(created.id);
      campaign = created.id;
    }
    const body = { name: name.trim(), connectorUserEmail: email.trim(), createProspects, campaignId: campaign };
    onSaved(await save.mutateAsync(body), !connector);
  };

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={connector ? `Edit ${connector.name}` : "Add a GoTo Webinar connector"}
      description={
        connector
          ? undefined
          : "After saving, verify the connector: you sign in to GoTo Webinar and allow access. No password is stored here."
      }
      submitLabel={connector ? "Save changes" : "Create connector"}
      submit={submit}
      // A refusal is its mutation's error, shown against its field.
      onError={() => undefined}
    >
      <FormError error={error} />
      <TextField
        label="Name"
        name="name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError("name")}
        placeholder="e.g. Marketing webinars"
      />
      <TextField
        label="Connector user (GoTo Webinar organizer e-mail)"
        name="connectorUserEmail"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldError("connectorUserEmail")}
        hint="The organizer whose webinars you want to sync. They must have GoTo Webinar enabled."
      />
      <Switch
        label="Create prospects for new registrants"
        checked={createProspects}
        onChange={setCreateProspects}
        description="When on, people who register or attend in GoTo Webinar but are not prospects yet become prospects; when off, only existing prospects get webinar activity (people who use your forms always become prospects)."
      />
      <SelectField
        label="Campaign for created prospects"
        value={campaignId}
        onChange={(e) => setCampaignId(e.target.value)}
        error={fieldError("campaignId")}
        hint="Prospects this connector creates are assigned to it."
      >
        <option value="">No campaign</option>
        {list.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        <option value={NEW_CAMPAIGN}>+ Create a campaign…</option>
      </SelectField>
      {campaignId === NEW_CAMPAIGN ? (
        <TextField
          label="New campaign name"
          required
          value={newCampaign}
          onChange={(e) => setNewCampaign(e.target.value)}
          error={fieldMessage(createCampaign.error, "name")}
        />
      ) : null}
    </FormDialog>
  );
}
