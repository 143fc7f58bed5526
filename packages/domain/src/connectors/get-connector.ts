import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { type ConnectorView, connectorViewSelect, liveConnector, toConnectorView } from "./connector-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One connector of the account; another account's id is simply not found. */
export async function getConnector(options: {
  db: Pick<Db, "connector">;
  accountId: string;
  connectorId: string;
}): Promise<ConnectorView> {
  if (!UUID.test(options.connectorId)) throw notFound("Connector", options.connectorId);
  const row = await options.db.connector.findFirst({
    where: liveConnector(options.accountId, options.connectorId),
    select: connectorViewSelect,
  });
  if (!row) throw notFound("Connector", options.connectorId);
  return toConnectorView(row);
}
