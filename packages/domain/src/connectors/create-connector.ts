import type { Db } from "@gw/db";
import type { SecretBox } from "../security/index";
import { type ConnectorSettingsInput, resolveConnectorSettings } from "./connector-settings";
import { type ConnectorView, connectorViewSelect, toConnectorView } from "./connector-view";

export interface CreateConnectorOptions {
  db: Pick<Db, "campaign" | "connector">;
  secretBox: SecretBox;
  accountId: string;
  input: ConnectorSettingsInput & { name: string; connectorUserEmail: string };
}

/** A new connector, UNVERIFIED until an admin verifies it through GoTo's OAuth consent. */
export async function createConnector(options: CreateConnectorOptions): Promise<ConnectorView> {
  const data = await resolveConnectorSettings({ ...options, input: { createProspects: true, ...options.input } });
  const row = await options.db.connector.create({
    data: {
      accountId: options.accountId,
      name: data.name ?? options.input.name,
      connectorUserEmail: data.connectorUserEmail ?? options.input.connectorUserEmail,
      createProspects: data.createProspects ?? true,
      campaignId: data.campaignId ?? null,
      oauthClientId: data.oauthClientId ?? null,
      oauthClientSecretEnc: data.oauthClientSecretEnc ?? null,
    },
    select: connectorViewSelect,
  });
  return toConnectorView(row);
}
