import { randomUUID } from "node:crypto";
import type { Db } from "@gw/db";
import type { SecretBox } from "../security/secret-box";
import { getEndpoint, getEndpointSecret } from "./manage-endpoints";
import { type OutboundHttpPolicy, type SendResult, sendWebhook } from "./send-webhook";

export interface SendTestEventOptions {
  db: Pick<Db, "outboundEndpoint">;
  secretBox: SecretBox;
  accountId: string;
  endpointId: string;
  policy: OutboundHttpPolicy;
  now?: Date;
  send?: (options: Parameters<typeof sendWebhook>[0]) => Promise<SendResult>;
}

export interface TestEventResult {
  ok: boolean;
  eventId: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/**
 * Sends one signed `endpoint.test` event to the endpoint now and answers how the receiver took
 * it. It bypasses the outbox on purpose: it is not an event of the account, so it neither joins
 * the delivery order nor the log, and works on a disabled endpoint (to check a fix first).
 */
export async function sendTestEvent(options: SendTestEventOptions): Promise<TestEventResult> {
  const endpoint = await getEndpoint(options);
  const secret = await getEndpointSecret(options);
  const now = options.now ?? new Date();
  const eventId = `evt_test_${randomUUID()}`;
  const payload = {
    type: "endpoint.test",
    timestamp: now.toISOString(),
    data: { id: eventId, type: "endpoint.test", endpointId: endpoint.id, occurredAt: now.toISOString() },
  };
  const send = options.send ?? sendWebhook;
  const sent = await send({
    url: endpoint.url,
    secret,
    eventId,
    body: JSON.stringify(payload),
    policy: options.policy,
    now,
  });
  return { ok: sent.ok, eventId, statusCode: sent.statusCode, latencyMs: sent.latencyMs, error: sent.error ?? null };
}
