import type { Db } from "@gw/db";
import { type ConnectorView, connectorViewSelect, toConnectorView } from "./connector-view";

/** The account's connectors, oldest first, with status, organizer, last sync and last error. */
export async function listConnectors(options: {
  db: Pick<Db, "connector">;
  accountId: string;
}): Promise<ConnectorView[]> {
  const rows = await options.db.connector.findMany({
    where: { accountId: options.accountId, deletedAt: null },
    select: connectorViewSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toConnectorView);
}
