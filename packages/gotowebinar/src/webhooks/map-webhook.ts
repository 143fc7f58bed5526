import { readFields } from "../http/read-fields";
import type { GotoUserSubscription, GotoWebhook } from "../types/webhooks";

export function mapWebhook(value: unknown): GotoWebhook {
  return readFields<GotoWebhook>(
    value,
    {
      key: ["webhookKey"],
      str: ["callbackUrl", "eventName", "eventVersion", "product", "state"],
      optStr: ["createTime"],
    },
    { state: ["state", "webhookState"] },
  );
}

export function mapUserSubscription(value: unknown): GotoUserSubscription {
  return readFields<GotoUserSubscription>(value, {
    key: ["userSubscriptionKey", "webhookKey"],
    str: ["callbackUrl", "eventName", "eventVersion", "product", "userSubscriptionState", "activationState"],
    optStr: ["createTime"],
  });
}
