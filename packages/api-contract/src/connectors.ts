import { z } from "zod";
import type { RequestOf, ResponseOf } from "./common";
import { plainError } from "./sync-status";

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
    problem: plainError.nullable().describe("lastError in plain words with the action to take"),
    lastSyncAt: z.date().nullable(),
    verifiedAt: z.date().nullable(),
    webhooksEnabled: z.boolean(),
    hasCustomOAuthClient: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .describe("A connector (tokens and client secrets are never included)");

export const connectorList = z.object({ items: z.array(connectorView) });

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

export const verificationStarted = z.object({ authorizationUrl: z.url() });

/** The OAuth redirect URI's query, as GoTo sends it back. */
export const oauthCallbackQuery = z.looseObject({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const WEBHOOK_DELIVERY_STATUSES = ["RECEIVED", "APPLIED", "IGNORED", "REJECTED"] as const;
const deliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);

export const connectorWebhooksParams = z.object({ id: z.uuid() });
export const connectorWebhooksQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Deliveries to list, newest first"),
  status: deliveryStatus.optional().describe("Only deliveries in this state"),
});

export const connectorWebhooks = z.object({
  enabled: z.boolean().describe("Whether GoTo delivers this connector's events"),
  reason: z
    .string()
    .nullable()
    .describe("Why not (PUBLIC_URL unreachable, setup failed, disabled); polling alone is then used"),
  callbackUrl: z.string(),
  subscriptions: z.array(
    z.object({
      eventName: z.string(),
      webhookKey: z.string(),
      userSubscriptionKey: z.string().nullable(),
      state: z.string(),
      createdAt: z.date(),
    }),
  ),
  last24h: z.object({ RECEIVED: z.number(), APPLIED: z.number(), IGNORED: z.number(), REJECTED: z.number() }),
  rejectedNotStored: z
    .number()
    .int()
    .describe(
      "Refused deliveries of the current hour counted but not recorded: past WEBHOOK_REJECTED_STORED_PER_HOUR a flood is only counted",
    ),
  deliveries: z.array(
    z.object({
      id: z.string(),
      eventName: z.string(),
      eventKey: z.string().nullable(),
      status: deliveryStatus,
      reason: z.string().nullable().describe("Why it was rejected or ignored"),
      receivedAt: z.date(),
      appliedAt: z.date().nullable(),
    }),
  ),
});

const usageWindow = z.object({
  requests: z.number().int().describe("GoTo requests sent (every attempt, retries included)"),
  limit: z.number().int().describe("What GoTo allows in this window for one OAuth client (GOTO_REQUESTS_PER_SECOND)"),
  rateLimited: z.number().int().describe("Requests GoTo answered 429"),
  byPurpose: z.object({
    polls: z.number().int().describe("Registrant polls and webinar discovery"),
    attendance: z.number().int().describe("Sessions, attendees and engagement after webinars end"),
    registrations: z.number().int().describe("Form and rule registrations pushed to GoTo"),
    webhooks: z.number().int().describe("Webhook subscriptions kept up to date"),
    other: z.number().int().describe("Verification, admin actions, erasure"),
  }),
});

export const apiBudgetList = z.object({
  items: z.array(
    z.object({
      connectorId: z.string(),
      name: z.string(),
      ownOAuthClient: z
        .boolean()
        .describe("false: the connector shares the service's OAuth client, and its limit, with other connectors"),
      lastHour: usageWindow,
      lastDay: usageWindow,
    }),
  ),
});
export type ApiBudgetList = ResponseOf<typeof apiBudgetList>;

export type ConnectorStatus = z.infer<typeof connectorStatus>;
export type Connector = ResponseOf<typeof connectorView>;
export type CreateConnectorBody = RequestOf<typeof createConnectorBody>;
export type UpdateConnectorBody = RequestOf<typeof updateConnectorBody>;
export type ConnectorWebhooks = ResponseOf<typeof connectorWebhooks>;

export const oauthCallbackRedirect = z
  .null()
  .describe("To /connectors?verified=<id> or /connectors?error=<reason>&message=<text>");
export type ConnectorList = ResponseOf<typeof connectorList>;
