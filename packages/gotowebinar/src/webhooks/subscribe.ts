import type { ClientContext } from "../context";
import { requireText } from "../context";
import type { GotoUserSubscription, SubscribeOptions } from "../types/webhooks";
import { createUserSubscriptions } from "./user-subscriptions";
import { createWebhooks, listWebhooks, updateWebhooks } from "./webhooks";

/**
 * The seed's "Create User Subscription": subscribes the token's user to one event at one
 * callback URL. Reuses a webhook with the same event, version and URL, else creates one and
 * activates it, then creates an ACTIVE subscription. The application's secret key must exist
 * (createSecretKey) for GoTo to sign deliveries.
 */
export async function createUserSubscription(
  ctx: ClientContext,
  options: SubscribeOptions,
): Promise<GotoUserSubscription[]> {
  const callbackUrl = requireText(options.callbackUrl, "callbackUrl");
  const eventName = requireText(options.eventName, "eventName");
  const eventVersion = options.eventVersion ?? "1.0.0";
  let webhookKey = options.webhookKey;
  if (webhookKey === undefined) {
    const existing = (await listWebhooks(ctx)).find(
      (w) => w.eventName === eventName && w.eventVersion === eventVersion && w.callbackUrl === callbackUrl,
    );
    if (existing) {
      webhookKey = existing.webhookKey;
      if (existing.state !== "ACTIVE") await updateWebhooks(ctx, [{ webhookKey, state: "ACTIVE" }]);
    } else {
      const [created] = await createWebhooks(ctx, [{ callbackUrl, eventName, eventVersion }]);
      if (!created) throw new Error("GoTo created no webhook and reported no error");
      webhookKey = created.webhookKey;
      await updateWebhooks(ctx, [{ webhookKey, state: "ACTIVE" }]);
    }
  }
  return createUserSubscriptions(ctx, [{ webhookKey, callbackUrl, userSubscriptionState: "ACTIVE" }]);
}
