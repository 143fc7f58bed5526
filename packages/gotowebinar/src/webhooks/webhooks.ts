import { apiPath, type ClientContext, requireText } from "../context";
import { embeddedItems } from "../http/embedded-list";
import { formatGotoTime } from "../http/transport";
import { asRecord, keyOf, optStr, str } from "../http/values";
import type { CreateWebhookInput, GotoSecretKey, GotoWebhook, UpdateWebhookInput } from "../types/webhooks";
import { mapWebhook } from "./map-webhook";

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
export async function createWebhooks(ctx: ClientContext, webhooks: CreateWebhookInput[]): Promise<GotoWebhook[]> {
  const body = webhooks.map((w, i) => ({
    callbackUrl: requireText(w.callbackUrl, `webhooks[${i}].callbackUrl`),
    eventName: requireText(w.eventName, `webhooks[${i}].eventName`),
    eventVersion: w.eventVersion ?? "1.0.0",
    product: w.product ?? "g2w",
  }));
  const { data } = await ctx.transport.request({
    method: "POST",
    path: "/webhooks",
    body: { kind: "json", value: body },
    retryable: false,
  });
  return embeddedItems(data, "webhooks").map(mapWebhook);
}

/** Changes callback URLs or activates/deactivates webhooks. */
export async function updateWebhooks(ctx: ClientContext, webhooks: UpdateWebhookInput[]): Promise<void> {
  await ctx.transport.request({ method: "PUT", path: "/webhooks", body: { kind: "json", value: webhooks } });
}

export async function listWebhooks(ctx: ClientContext, options: { product?: string } = {}): Promise<GotoWebhook[]> {
  const { data } = await ctx.transport.request({
    method: "GET",
    path: "/webhooks",
    query: { product: options.product ?? "g2w" },
  });
  return embeddedItems(data, "webhooks").map(mapWebhook);
}

export async function getWebhook(ctx: ClientContext, webhookKey: string): Promise<GotoWebhook> {
  const { data } = await ctx.transport.request({ method: "GET", path: apiPath`/webhooks/${webhookKey}` });
  return mapWebhook(data);
}

/** Deletes webhooks and with them every user subscription tied to them. */
export async function deleteWebhooks(ctx: ClientContext, webhookKeys: string[]): Promise<void> {
  if (webhookKeys.length === 0) return;
  await ctx.transport.request({ method: "DELETE", path: "/webhooks", body: { kind: "json", value: webhookKeys } });
}
