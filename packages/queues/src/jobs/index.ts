export { dispatchJob } from "./dispatch";
export { pushRegistrationJob, sweepRegistrationsJob } from "./registrations";
export { applyWebhookEventJob, sweepWebhookEventsJob } from "./webhooks";
