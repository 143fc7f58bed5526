// A connector's GoTo webhook subscriptions: the callback URL, subscribing, refreshing, removing
// and describing them.
export { type ConnectorWebhookState, describeConnectorWebhooks } from "./describe-connector-webhooks";
export {
  type EnsureWebhookSubscriptionsOptions,
  type EnsureWebhookSubscriptionsResult,
  type EnsureWebhooksClient,
  ensureWebhookSubscriptions,
  type WebhookSubscriptionView,
} from "./ensure-webhook-subscriptions";
export {
  type ConnectorWebhooksView,
  type GetConnectorWebhooksOptions,
  getConnectorWebhooks,
} from "./get-connector-webhooks";
export { type RefreshConnectorWebhooksOptions, refreshConnectorWebhooks } from "./refresh-connector-webhooks";
export {
  type RemoveWebhookSubscriptionsOptions,
  type RemoveWebhookSubscriptionsResult,
  type RemoveWebhooksClient,
  removeWebhookSubscriptions,
} from "./remove-webhook-subscriptions";
export {
  WEBHOOK_EVENT_NAMES,
  WEBHOOK_PATH_PREFIX,
  type WebhookAvailability,
  type WebhookEventName,
  type WebhookSettings,
  webhookAvailability,
  webhookCallbackUrl,
} from "./webhook-callback";
export type { WebhookLog } from "./webhook-log";
