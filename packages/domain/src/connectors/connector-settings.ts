import type { updateConnectorBody } from "@gw/api-contract";
import type { Db } from "@gw/db";
import type { z } from "zod";
import { conflict, invalid } from "../errors/index";
import type { SecretBox } from "../security/index";

/** What an admin sets on a connector (Pardot's "Add Connector" form, plus an own OAuth client): the API's body. */
export type ConnectorSettingsInput = z.infer<typeof updateConnectorBody>;

/** Checks the settings against the account's data and turns them into column values. */
export async function resolveConnectorSettings(options: {
  db: Pick<Db, "campaign" | "connector">;
  secretBox: SecretBox;
  accountId: string;
  connectorId?: string;
  input: ConnectorSettingsInput;
  current?: { oauthClientId: string | null };
}) {
  const { db, input, accountId } = options;
  const data: {
    name?: string;
    connectorUserEmail?: string;
    createProspects?: boolean;
    campaignId?: string | null;
    oauthClientId?: string | null;
    oauthClientSecretEnc?: string | null;
  } = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (!name) throw invalid("name", "name must not be empty");
    data.name = name;
  }
  if (input.connectorUserEmail !== undefined) {
    const email = input.connectorUserEmail.trim();
    const other = await db.connector.findFirst({
      where: {
        accountId,
        deletedAt: null,
        ...(options.connectorId ? { id: { not: options.connectorId } } : {}),
        OR: [
          { connectorUserEmail: { equals: email, mode: "insensitive" } },
          { organizerEmail: { equals: email, mode: "insensitive" } },
        ],
      },
      select: { name: true },
    });
    if (other) {
      throw conflict(
        `Connector "${other.name}" already connects the organizer ${email}; an account has one connector per organizer.`,
        "connectorUserEmail",
      );
    }
    data.connectorUserEmail = email;
  }
  if (input.createProspects !== undefined) data.createProspects = input.createProspects;
  if (input.campaignId !== undefined) {
    if (input.campaignId !== null) {
      const campaign = await db.campaign.findFirst({
        where: { id: input.campaignId, accountId },
        select: { id: true },
      });
      if (!campaign)
        throw invalid(
          "campaignId",
          `campaignId ${input.campaignId} is not a campaign of this account`,
          input.campaignId,
        );
    }
    data.campaignId = input.campaignId;
  }
  if (input.oauthClientId === null || input.oauthClientSecret === null) {
    data.oauthClientId = null;
    data.oauthClientSecretEnc = null;
  } else if (input.oauthClientId !== undefined || input.oauthClientSecret !== undefined) {
    const clientId = input.oauthClientId?.trim() ?? options.current?.oauthClientId ?? undefined;
    if (!clientId) throw invalid("oauthClientId", "oauthClientId is required with oauthClientSecret");
    if (!input.oauthClientSecret)
      throw invalid("oauthClientSecret", "oauthClientSecret is required with oauthClientId");
    data.oauthClientId = clientId;
    data.oauthClientSecretEnc = options.secretBox.encrypt(input.oauthClientSecret);
  }
  return data;
}
