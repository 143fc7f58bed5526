import type { ClientContext } from "../context";
import { requireText } from "../context";
import type { DeletedSubscriptions, DeleteInstancedSubscriptionsOptions } from "../types/webhooks";
import { deleteUserSubscriptions, listUserSubscriptions } from "./user-subscriptions";
import { deleteWebhooks, listWebhooks } from "./webhooks";

/**
 * The seed's "Delete Instanced Subscriptions": removes this service's own subscriptions (and by
 * default webhooks), i.e. those whose callbackUrl starts with `callbackUrlPrefix`, leaving every
 * other integration's alone.
 */
export async function deleteInstancedSubscriptions(
  ctx: ClientContext,
  options: DeleteInstancedSubscriptionsOptions,
): Promise<DeletedSubscriptions> {
  const prefix = requireText(options.callbackUrlPrefix, "callbackUrlPrefix");
  const ours = (url: string) => url.startsWith(prefix);
  const subscriptions = (await listUserSubscriptions(ctx)).filter((s) => ours(s.callbackUrl));
  const userSubscriptionKeys = subscriptions.map((s) => s.userSubscriptionKey);
  await deleteUserSubscriptions(ctx, { userSubscriptionKeys });
  let webhookKeys: string[] = [];
  if (options.deleteWebhooks ?? true) {
    webhookKeys = (await listWebhooks(ctx)).filter((w) => ours(w.callbackUrl)).map((w) => w.webhookKey);
    await deleteWebhooks(ctx, webhookKeys);
  }
  ctx.log.info(
    { callbackUrlPrefix: prefix, subscriptions: userSubscriptionKeys.length, webhooks: webhookKeys.length },
    "deleted this instance's GoTo subscriptions",
  );
  return { userSubscriptionKeys, webhookKeys };
}
