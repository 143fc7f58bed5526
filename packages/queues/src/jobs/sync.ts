import { z } from "zod";
import { defineJob } from "../define-job";

// The sync engine's jobs. Each carries the time the dispatcher saw the work due: a job that
// finds its work already done since then (a duplicate handed out in a race) does nothing.
// Ids are per connector / per webinar, so one connector's discovery and backfill never overlap
// and one webinar's syncs never run concurrently, however many workers run. Failed jobs are
// removed (the SyncRun row keeps the error) so their id never blocks the next due run.
const retried = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;

const dueAt = z.iso.datetime().optional();
const connectorWork = z.object({ connectorId: z.uuid(), dueAt });

// One id per connector: its discovery and its backfill never overlap.
const connectorJob = <Name extends string>(name: Name) =>
  defineJob({
    name,
    queue: "sync",
    schema: connectorWork,
    jobId: (payload) => `connector-${payload.connectorId}`,
    options: retried,
  });

/** Lists a verified connector's webinars (every 10 minutes): new, changed and cancelled ones. */
export const discoverWebinarsJob = connectorJob("discover-webinars");

/** Right after first verification: past webinars of the lookback window with registrants and attendees. */
export const backfillConnectorJob = connectorJob("backfill-connector");

/** Registrants of one webinar, and its attendance once it has ended. */
export const syncWebinarJob = defineJob({
  name: "sync-webinar",
  queue: "sync",
  schema: z.object({ webinarId: z.uuid(), dueAt }),
  jobId: (payload) => `webinar-${payload.webinarId}`,
  options: retried,
});

/**
 * One webinar's panelists and/or co-organizers, read from GoTo because an exclusion rule for the
 * role was added after the webinar's last sync. Behind every other sync job (BullMQ serves
 * prioritised jobs after those without one), at the GoTo budget's background priority.
 */
export const fetchWebinarStaffJob = defineJob({
  name: "fetch-webinar-staff",
  queue: "sync",
  schema: z.object({ webinarId: z.uuid(), roles: z.array(z.enum(["PANELIST", "CO_ORGANIZER"])).min(1) }),
  jobId: (payload) => `staff-${payload.webinarId}-${[...payload.roles].sort().join("-")}`,
  options: { ...retried, priority: 100 },
});
