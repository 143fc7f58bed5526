import { closeAbandonedSyncRunsJob, dispatchJob, pruneExpiredRecordsJob } from "./jobs";
import { deliverEndpointJob, fanOutEventsJob, sweepOutboundJob } from "./jobs/outbound";
import { pushRegistrationJob, sweepRegistrationsJob } from "./jobs/registrations";
import { backfillConnectorJob, discoverWebinarsJob, fetchWebinarStaffJob, syncWebinarJob } from "./jobs/sync";
import { applyWebhookEventJob, pruneWebhookEventsJob, sweepWebhookEventsJob } from "./jobs/webhooks";

/** Every job the product runs. The worker refuses to start unless each has exactly one handler. */
export const jobCatalog = [
  dispatchJob,
  closeAbandonedSyncRunsJob,
  discoverWebinarsJob,
  backfillConnectorJob,
  syncWebinarJob,
  fetchWebinarStaffJob,
  pushRegistrationJob,
  sweepRegistrationsJob,
  applyWebhookEventJob,
  sweepWebhookEventsJob,
  fanOutEventsJob,
  deliverEndpointJob,
  sweepOutboundJob,
  pruneWebhookEventsJob,
  pruneExpiredRecordsJob,
] as const;

export type JobName = (typeof jobCatalog)[number]["name"];

export const jobsByName: ReadonlyMap<string, (typeof jobCatalog)[number]> = new Map(
  jobCatalog.map((job) => [job.name, job]),
);
