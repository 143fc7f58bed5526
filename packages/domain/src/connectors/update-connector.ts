import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import type { SecretBox } from "../security/index";
import { type ConnectorSettingsInput, resolveConnectorSettings } from "./connector-settings";
import { type ConnectorView, connectorViewSelect, liveConnector, toConnectorView } from "./connector-view";
import { getConnector } from "./get-connector";

export interface UpdateConnectorOptions {
  db: Pick<Db, "campaign" | "connector">;
  secretBox: SecretBox;
  accountId: string;
  connectorId: string;
  input: ConnectorSettingsInput;
}

/** Changes a connector's settings; its verification and tokens are untouched. */
export async function updateConnector(options: UpdateConnectorOptions): Promise<ConnectorView> {
  const { db, accountId, connectorId } = options;
  await getConnector({ db, accountId, connectorId });
  const current = await db.connector.findFirst({
    where: liveConnector(accountId, connectorId),
    select: { oauthClientId: true },
  });
  if (!current) throw notFound("Connector", connectorId);
  const data = await resolveConnectorSettings({ ...options, current });
  const updated = await db.connector.updateMany({ where: liveConnector(accountId, connectorId), data });
  if (updated.count === 0) throw notFound("Connector", connectorId);
  return toConnectorView(
    await db.connector.findUniqueOrThrow({ where: { id: connectorId }, select: connectorViewSelect }),
  );
}
