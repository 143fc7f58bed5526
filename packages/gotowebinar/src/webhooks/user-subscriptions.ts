import { apiPath, type ClientContext } from "../context";
import { embeddedItems } from "../http/embedded-list";
import { GotoNotFoundError } from "../http/errors";
import type {
  CreateUserSubscriptionInput,
  DeleteUserSubscriptionsOptions,
  GotoUserSubscription,
  UpdateUserSubscriptionInput,
} from "../types/webhooks";
import { mapUserSubscription } from "./map-webhook";
import { deleteWebhooks } from "./webhooks";

/** Subscribes the token's user to webhooks (GoTo probes each callbackUrl with a GET). */
export async function createUserSubscriptions(
  ctx: ClientContext,
  subscriptions: CreateUserSubscriptionInput[],
): Promise<GotoUserSubscription[]> {
  const { data } = await ctx.transport.request({
    method: "POST",
    path: "/userSubscriptions",
    body: { kind: "json", value: subscriptions },
    retryable: false,
  });
  return embeddedItems(data, "userSubscriptions").map(mapUserSubscription);
}

export async function updateUserSubscriptions(
  ctx: ClientContext,
  subscriptions: UpdateUserSubscriptionInput[],
): Promise<void> {
  await ctx.transport.request({
    method: "PUT",
    path: "/userSubscriptions",
    body: { kind: "json", value: subscriptions },
  });
}

export async function listUserSubscriptions(
  ctx: ClientContext,
  options: { product?: string } = {},
): Promise<GotoUserSubscription[]> {
  const { data } = await ctx.transport.request({
    method: "GET",
    path: "/userSubscriptions",
    query: { product: options.product ?? "g2w" },
  });
  return embeddedItems(data, "userSubscriptions").map(mapUserSubscription);
}

export async function getUserSubscription(
  ctx: ClientContext,
  userSubscriptionKey: string,
): Promise<GotoUserSubscription> {
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/userSubscriptions/${userSubscriptionKey}`,
  });
  return mapUserSubscription(data);
}

/**
 * Deletes user subscriptions; with `deleteWebhooks` also their webhooks (which removes every
 * other subscription of those webhooks too). Returns the webhook keys deleted.
 */
export async function deleteUserSubscriptions(
  ctx: ClientContext,
  options: DeleteUserSubscriptionsOptions,
): Promise<{ webhookKeys: string[] }> {
  const keys = [...new Set(options.userSubscriptionKeys)];
  if (keys.length === 0) return { webhookKeys: [] };
  let webhookKeys: string[] = [];
  if (options.deleteWebhooks) {
    const all = await listUserSubscriptions(ctx);
    const wanted = new Set(keys);
    webhookKeys = [...new Set(all.filter((s) => wanted.has(s.userSubscriptionKey)).map((s) => s.webhookKey))];
  }
  await ctx.transport.request({ method: "DELETE", path: "/userSubscriptions", body: { kind: "json", value: keys } });
  if (webhookKeys.length > 0) {
    try {
      await deleteWebhooks(ctx, webhookKeys);
    } catch (error) {
      if (!(error instanceof GotoNotFoundError)) throw error;
    }
  }
  return { webhookKeys };
}
