import { z } from "zod";

/** GoTo's webhook receiver (outside /api: each delivery proves itself with its signature). */
export const webhookParams = z.object({
  connectorId: z.string().max(100).describe("The connector whose subscription this is (from the callback URL)"),
});
export const webhookHeaders = z.looseObject({
  "x-webhook-signature": z.string().optional().describe("sha256=<hex HMAC-SHA256 with the webhook secret>"),
  "x-webhook-signature-timestamp": z.string().optional().describe("Unix seconds, signed with the body"),
});
export const webhookEventBody = z.string().describe("The event as JSON, exactly as signed");
export const webhookCallbackCheck = z.object({ ok: z.literal(true) });
export const webhookReceived = z.object({
  status: z.enum(["accepted", "duplicate", "ignored"]),
  eventId: z.string().nullable(),
});
