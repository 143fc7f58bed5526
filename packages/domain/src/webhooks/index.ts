// GoTo webhooks: subscribing a connector, receiving signed deliveries, applying each event once.
export { applyWebhookEvent, type ApplyWebhookEventOptions, type ApplyWebhookEventResult } from "./apply-webhook-event";
export { cancelRegistrations, type CancelRegistrationsOptions } from "./cancel-registrations";
export { cancelWebinar, type CancelWebinarOptions } from "./cancel-webinar";
export { type ConnectorWebhookState, describeConnectorWebhooks } from "./describe-connector-webhooks";
export {
  type EnsureWebhookSubscriptionsOptions,
  type EnsureWebhookSubscriptionsResult,
  type EnsureWebhooksClient,
  ensureWebhookSubscriptions,
  type WebhookSubscriptionView,
} from "./ensure-webhook-subscriptions";
export { findStuckWebhookEvents, type FindStuckWebhookEventsOptions } from "./find-stuck-webhook-events";
export { type ConnectorWebhooksView, getConnectorWebhooks, type GetConnectorWebhooksOptions } from "./get-connector-webhooks";
export { markWebhookEvent, type MarkWebhookEventOptions } from "./mark-webhook-event";
export { refreshConnectorWebhooks, type RefreshConnectorWebhooksOptions } from "./refresh-connector-webhooks";
export { receiveWebhookEvent, type ReceiveWebhookEventOptions, type ReceiveWebhookEventResult } from "./receive-webhook-event";
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
