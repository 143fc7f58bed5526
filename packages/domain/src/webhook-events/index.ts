// GoTo webhook deliveries: receiving signed events, then applying each one exactly once.
export {
  type ApplyWebhookBatchOptions,
  type ApplyWebhookBatchResult,
  applyWebhookBatch,
  setWebhookEventAside,
  WebhookBatchError,
} from "./apply-webhook-batch";
export { type ApplyWebhookEventOptions, type ApplyWebhookEventResult, applyWebhookEvent } from "./apply-webhook-event";
export { type CancelRegistrationsOptions, cancelRegistrations } from "./cancel-registrations";
export { type CancelWebinarOptions, cancelWebinar } from "./cancel-webinar";
export {
  type CreateWebhookEventStoreOptions,
  createWebhookEventStore,
  type RejectedDeliveryRow,
  WEBHOOK_EVENTS_CHANNEL,
  type WebhookEventConnector,
  type WebhookEventRow,
  type WebhookEventStore,
} from "./create-webhook-event-store";
export { type FindStuckWebhookEventsOptions, findStuckWebhookEvents } from "./find-stuck-webhook-events";
export { giveUpWebhookEvent, type MarkWebhookEventOptions, markWebhookEvent } from "./mark-webhook-event";
export { type PruneWebhookEventsOptions, pruneWebhookEvents } from "./prune-webhook-events";
export {
  type ReceiveWebhookEventOptions,
  type ReceiveWebhookEventResult,
  receiveWebhookEvent,
} from "./receive-webhook-event";
