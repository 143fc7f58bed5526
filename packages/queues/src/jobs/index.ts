export { closeAbandonedSyncRunsJob, dispatchJob, pruneExpiredRecordsJob } from "./dispatch";
export { deliverEndpointJob, fanOutEventsJob, sweepOutboundJob } from "./outbound";
export { pushRegistrationJob, sweepRegistrationsJob } from "./registrations";
export { backfillConnectorJob, discoverWebinarsJob, fetchWebinarStaffJob, syncWebinarJob } from "./sync";
export { applyWebhookEventJob, pruneWebhookEventsJob, sweepWebhookEventsJob } from "./webhooks";
