import { type ClientContext, requireText } from "../context";
import { formatGotoTime } from "../http/transport";
import { asRecord, keyOf, optStr, str } from "../http/values";
import type { CreateWebhookInput, GotoSecretKey, GotoWebhook, UpdateWebhookInput } from "../types/webhooks";
import { webhookCollection } from "./collection";
import { mapWebhook } from "./map-webhook";

const webhooks = webhookCollection("/webhooks", mapWebhook);

/**
 * Creates the application's webhook secret key (one per OAuth client; it signs deliveries).
 * `validFrom` delays its activation. Keep `value`: GoTo does not show it again.
 */
export async function createSecretKey(
  ctx: ClientContext,
  options: { validFrom?: Date | string } = {},
): Promise<GotoSecretKey> {
  const { data } = await ctx.transport.request({
    method: "POST",
    path: "/webhooks/secretkey",
    body: {
      kind: "json",
      value: options.validFrom === undefined ? {} : { validFrom: formatGotoTime(options.validFrom) },
    },
    retryable: false,
  });
  const key = asRecord(data);
  const validFrom = optStr(key.validFrom);
  return validFrom === undefined
    ? { id: keyOf(key.id), value: str(key.value) }
    : { id: keyOf(key.id), value: str(key.value), validFrom };
}

/** Creates webhooks (GoTo creates them INACTIVE and probes each callbackUrl with a GET). */
export async function createWebhooks(ctx: ClientContext, inputs: CreateWebhookInput[]): Promise<GotoWebhook[]> {
  const body = inputs.map((w, i) => ({
    callbackUrl: requireText(w.callbackUrl, `webhooks[${i}].callbackUrl`),
    eventName: requireText(w.eventName, `webhooks[${i}].eventName`),
    eventVersion: w.eventVersion ?? "1.0.0",
    product: w.product ?? "g2w",
  }));
  return webhooks.create(ctx, body);
}

/** Changes callback URLs or activates/deactivates webhooks. */
export async function updateWebhooks(ctx: ClientContext, changes: UpdateWebhookInput[]): Promise<void> {
  await webhooks.update(ctx, changes);
}

export async function listWebhooks(ctx: ClientContext, options: { product?: string } = {}): Promise<GotoWebhook[]> {
  return webhooks.list(ctx, options.product);
}

export async function getWebhook(ctx: ClientContext, webhookKey: string): Promise<GotoWebhook> {
  return webhooks.get(ctx, webhookKey);
}

/** Deletes webhooks and with them every user subscription tied to them. */
export async function deleteWebhooks(ctx: ClientContext, webhookKeys: string[]): Promise<void> {
  if (webhookKeys.length === 0) return;
  await webhooks.delete(ctx, webhookKeys);
}
