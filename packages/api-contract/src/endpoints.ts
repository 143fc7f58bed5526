import { z } from "zod";
import type { ResponseOf } from "./common";

/**
 * The event types other systems can receive. Participation types follow the activity types
 * (`participation.<type>`), so types the engagement model adds arrive without a change here.
 */
export const EVENT_TYPES = [
  "participation.registered",
  "participation.accepted",
  "participation.attended",
  "participation.absent",
  "participation.cancelled",
  "form.submitted",
  "registration.failed",
  "list.added",
  "list.removed",
  "connector.failed",
  "connector.recovered",
  "prospect.erased",
  "rule.matched",
] as const;

export const outboundEndpoint = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()).describe("the types it receives; empty: all"),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().describe("why it was disabled: the notice to act on"),
    disabledAt: z.date().nullable(),
    failingSince: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "OutboundEndpoint" });
export const outboundEndpointList = z.object({ items: z.array(outboundEndpoint) });
export const createdOutboundEndpoint = outboundEndpoint.extend({
  secret: z.string().describe("the whsec_ signing secret for the receiver's verification"),
});

export const OUTBOUND_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export const outboundDelivery = z
  .object({
    id: z.string(),
    eventId: z.string().describe("the webhook-id header: the same on every attempt and replay"),
    type: z.string(),
    status: z.enum(OUTBOUND_DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastAttemptAt: z.date().nullable(),
    nextAttemptAt: z.date().nullable(),
    deliveredAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "OutboundDelivery" });

export const endpointBody = z.object({
  url: z.string().max(2000).describe("https:// address of the receiver"),
  description: z.string().max(500).nullable().optional(),
  eventTypes: z.array(z.string().max(100)).max(50).optional().describe("event types to receive; empty or absent: all"),
});
export const endpointPatchBody = endpointBody.partial().extend({ enabled: z.boolean().optional() });
export const endpointSecret = z.object({ secret: z.string() });
export const replayedDeliveries = z.object({ replayed: z.number().int() });
export const endpointTestResult = z
  .object({
    ok: z.boolean().describe("the receiver answered 2xx"),
    eventId: z.string(),
    statusCode: z.number().int().nullable(),
    latencyMs: z.number().int(),
    error: z
      .string()
      .nullable()
      .describe("why it failed: the status and the start of the answer, or the network error"),
  })
  .meta({ id: "OutboundEndpointTest" });

export type EventType = (typeof EVENT_TYPES)[number];
export type OutboundEndpoint = ResponseOf<typeof outboundEndpoint>;
export type CreatedOutboundEndpoint = ResponseOf<typeof createdOutboundEndpoint>;
export type OutboundDelivery = ResponseOf<typeof outboundDelivery>;
export type OutboundDeliveryStatus = (typeof OUTBOUND_DELIVERY_STATUSES)[number];
export type EndpointTestResult = ResponseOf<typeof endpointTestResult>;
