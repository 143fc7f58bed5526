import type { Prisma } from "@gw/db";
import { explainSyncError } from "../sync/explain-sync-error";

/**
 * The columns a connector is shown with, picked one by one: the row also holds sealed tokens and
 * client secrets, which must never leave the service.
 */
export const connectorViewSelect = {
  id: true,
  name: true,
  connectorUserEmail: true,
  status: true,
  createProspects: true,
  campaignId: true,
  campaign: { select: { id: true, name: true } },
  organizerKey: true,
  gotoAccountKey: true,
  organizerEmail: true,
  organizerName: true,
  oauthClientId: true,
  lastError: true,
  lastErrorAt: true,
  lastSyncAt: true,
  verifiedAt: true,
  webhooksEnabled: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ConnectorSelect;

type ConnectorViewRow = Prisma.ConnectorGetPayload<{ select: typeof connectorViewSelect }>;

export function toConnectorView(row: ConnectorViewRow) {
  const { oauthClientId, ...rest } = row;
  return {
    ...rest,
    hasCustomOAuthClient: Boolean(oauthClientId),
    problem: row.status === "ERROR" ? explainSyncError(row.lastError) : null,
  };
}

export type ConnectorView = ReturnType<typeof toConnectorView>;

/** Connectors an account can see: its own, not deleted. */
export const liveConnector = (accountId: string, connectorId: string) =>
  ({ id: connectorId, accountId, deletedAt: null }) satisfies Prisma.ConnectorWhereInput;
