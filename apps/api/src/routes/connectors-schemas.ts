import { z } from "zod";

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const connectorParams = z.object({ id: z.string().max(100).describe("Connector id") });

export const connectorStatus = z.enum(["UNVERIFIED", "VERIFIED", "ERROR", "DISABLED"]);

/** Every field of a connector an admin may see; tokens and client secrets are not among them. */
export const connectorView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    connectorUserEmail: z.string(),
    status: connectorStatus,
    createProspects: z.boolean(),
    campaignId: z.uuid().nullable(),
    campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    organizerKey: z.string().nullable(),
    gotoAccountKey: z.string().nullable(),
    organizerEmail: z.string().nullable(),
    organizerName: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.date().nullable(),
    lastSyncAt: z.date().nullable(),
    verifiedAt: z.date().nullable(),
    webhooksEnabled: z.boolean(),
    hasCustomOAuthClient: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .describe("A connector (tokens and client secrets are never included)");

const oauthClient = {
  oauthClientId: trimmed(200)
    .nullable()
    .optional()
    .describe("Own GoTo OAuth client id (null clears); the service-wide one otherwise"),
  oauthClientSecret: z
    .string()
    .min(1)
    .max(500)
    .nullable()
    .optional()
    .describe("Its secret: stored encrypted, never returned"),
};

export const createConnectorBody = z.strictObject({
  name: trimmed(200),
  connectorUserEmail: z.email().max(320).describe("The GoTo organizer the connector signs in as"),
  createProspects: z.boolean().default(true).describe("Create prospects for registrants and attendees not yet known"),
  campaignId: z.uuid().nullable().optional().describe("Campaign for prospects the sync creates"),
  ...oauthClient,
});

export const updateConnectorBody = z
  .strictObject({
    name: trimmed(200).optional(),
    connectorUserEmail: z.email().max(320).optional(),
    createProspects: z.boolean().optional(),
    campaignId: z.uuid().nullable().optional(),
    ...oauthClient,
  })
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one setting to change" });

export const campaignView = z.object({ id: z.uuid(), name: z.string(), createdAt: z.date() }).describe("A campaign");
