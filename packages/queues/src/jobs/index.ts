export { dispatchJob } from "./dispatch";
export { pushRegistrationJob, sweepRegistrationsJob } from "./registrations";
export { applyWebhookEventJob, sweepWebhookEventsJob } from "./webhooks";
export { backfillConnectorJob, discoverWebinarsJob, syncWebinarJob } from "./sync";
