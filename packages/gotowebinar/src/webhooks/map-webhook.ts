import { asRecord, compact, keyOf, optStr, str } from "../http/values";
import type { GotoUserSubscription, GotoWebhook } from "../types/webhooks";

export function mapWebhook(value: unknown): GotoWebhook {
  const w = asRecord(value);
  return compact({
    webhookKey: keyOf(w.webhookKey),
    callbackUrl: str(w.callbackUrl),
    eventName: str(w.eventName),
    eventVersion: str(w.eventVersion),
    product: str(w.product),
    state: str(w.state ?? w.webhookState),
    createTime: optStr(w.createTime),
  });
}

export function mapUserSubscription(value: unknown): GotoUserSubscription {
  const s = asRecord(value);
  return compact({
    userSubscriptionKey: keyOf(s.userSubscriptionKey),
    webhookKey: keyOf(s.webhookKey),
    callbackUrl: str(s.callbackUrl),
    eventName: str(s.eventName),
    eventVersion: str(s.eventVersion),
    product: str(s.product),
    userSubscriptionState: str(s.userSubscriptionState),
    activationState: str(s.activationState),
    createTime: optStr(s.createTime),
  });
}
