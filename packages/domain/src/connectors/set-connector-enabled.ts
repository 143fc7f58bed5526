import type { Db } from "@gw/db";
import { type ConnectorView, connectorViewSelect, liveConnector, toConnectorView } from "./connector-view";
import { getConnector } from "./get-connector";

export interface SetConnectorEnabledOptions {
  db: Pick<Db, "connector">;
  accountId: string;
  connectorId: string;
  enabled: boolean;
  now?: Date;
}

/**
 * Disabling pauses every sync of the connector (only VERIFIED connectors are synced) and keeps its
 * tokens. Enabling resumes it: VERIFIED again when it holds tokens (a revoked one goes to ERROR
 * at its next refresh), with a discovery due at once; UNVERIFIED when it was never verified.
 */
export async function setConnectorEnabled(options: SetConnectorEnabledOptions): Promise<ConnectorView> {
  const { db, accountId, connectorId } = options;
  const now = options.now ?? new Date();
  const current = await getConnector({ db, accountId, connectorId });
  if (options.enabled && current.status === "DISABLED") {
    const row = await db.connector.findUniqueOrThrow({
      where: { id: connectorId },
      select: { refreshTokenEnc: true, verifiedAt: true },
    });
    const verified = Boolean(row.refreshTokenEnc && row.verifiedAt);
    await db.connector.updateMany({
      where: liveConnector(accountId, connectorId),
      data: verified ? { status: "VERIFIED", nextDiscoveryAt: now } : { status: "UNVERIFIED" },
    });
  } else if (!options.enabled && current.status !== "DISABLED") {
    await db.connector.updateMany({ where: liveConnector(accountId, connectorId), data: { status: "DISABLED" } });
  }
  return toConnectorView(
    await db.connector.findUniqueOrThrow({ where: { id: connectorId }, select: connectorViewSelect }),
  );
}
