export { dispatchJob } from "./dispatch";
export { applyWebhookEventJob, sweepWebhookEventsJob } from "./webhooks";
