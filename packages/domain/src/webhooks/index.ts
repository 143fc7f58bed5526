// GoTo webhooks: subscribing a connector, receiving signed deliveries, applying each event once.
export { type ApplyWebhookEventOptions, type ApplyWebhookEventResult, applyWebhookEvent } from "./apply-webhook-event";
export { type CancelRegistrationsOptions, cancelRegistrations } from "./cancel-registrations";
export { type CancelWebinarOptions, cancelWebinar } from "./cancel-webinar";
export { type ConnectorWebhookState, describeConnectorWebhooks } from "./describe-connector-webhooks";
export {
  type EnsureWebhookSubscriptionsOptions,
  type EnsureWebhookSubscriptionsResult,
  type EnsureWebhooksClient,
  ensureWebhookSubscriptions,
  type WebhookSubscriptionView,
} from "./ensure-webhook-subscriptions";
export { type FindStuckWebhookEventsOptions, findStuckWebhookEvents } from "./find-stuck-webhook-events";
export {
  type ConnectorWebhooksView,
  type GetConnectorWebhooksOptions,
  getConnectorWebhooks,
} from "./get-connector-webhooks";
export { type MarkWebhookEventOptions, markWebhookEvent } from "./mark-webhook-event";
export {
  type ReceiveWebhookEventOptions,
  type ReceiveWebhookEventResult,
  receiveWebhookEvent,
} from "./receive-webhook-event";
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
