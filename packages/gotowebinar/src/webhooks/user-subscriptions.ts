import type { ClientContext } from "../context";
import { GotoNotFoundError } from "../http/errors";
import type {
  CreateUserSubscriptionInput,
  DeleteUserSubscriptionsOptions,
  GotoUserSubscription,
  UpdateUserSubscriptionInput,
} from "../types/webhooks";
import { webhookCollection } from "./collection";
import { mapUserSubscription } from "./map-webhook";
import { deleteWebhooks } from "./webhooks";

const userSubscriptions = webhookCollection("/userSubscriptions", mapUserSubscription);

/** Subscribes the token's user to webhooks (GoTo probes each callbackUrl with a GET). */
export async function createUserSubscriptions(
  ctx: ClientContext,
  subscriptions: CreateUserSubscriptionInput[],
): Promise<GotoUserSubscription[]> {
  return userSubscriptions.create(ctx, subscriptions);
}

export async function updateUserSubscriptions(
  ctx: ClientContext,
  subscriptions: UpdateUserSubscriptionInput[],
): Promise<void> {
  await userSubscriptions.update(ctx, subscriptions);
}

export async function listUserSubscriptions(
  ctx: ClientContext,
  options: { product?: string } = {},
): Promise<GotoUserSubscription[]> {
  return userSubscriptions.list(ctx, options.product);
}

export async function getUserSubscription(
  ctx: ClientContext,
  userSubscriptionKey: string,
): Promise<GotoUserSubscription> {
  return userSubscriptions.get(ctx, userSubscriptionKey);
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
  await userSubscriptions.delete(ctx, keys);
  if (webhookKeys.length > 0) {
    try {
      await deleteWebhooks(ctx, webhookKeys);
    } catch (error) {
      if (!(error instanceof GotoNotFoundError)) throw error;
    }
  }
  return { webhookKeys };
}
