import { handleApplyWebhookEvent } from "./apply-webhook-event";
import { handleBackfillConnector } from "./backfill";
import { handleCloseAbandonedSyncRuns } from "./close-abandoned-sync-runs";
import { handleDiscoverWebinars } from "./discover";
import { handleDispatch } from "./dispatch";
import { handleFetchWebinarStaff } from "./fetch-webinar-staff";
import { handleDeliverEndpoint, handleFanOutEvents, handleSweepOutbound } from "./outbound";
import { handlePruneExpiredRecords } from "./prune-expired-records";
import { handlePruneWebhookEvents } from "./prune-webhook-events";
import { handlePushRegistration } from "./push-registration";
import { handleSweepRegistrations } from "./sweep-registrations";
import { handleSweepWebhookEvents } from "./sweep-webhook-events";
import { handleSyncWebinar } from "./sync-webinar";
import type { JobHandlers } from "./types";

export const handlers: JobHandlers = {
  dispatch: handleDispatch,
  "close-abandoned-sync-runs": handleCloseAbandonedSyncRuns,
  "discover-webinars": handleDiscoverWebinars,
  "backfill-connector": handleBackfillConnector,
  "sync-webinar": handleSyncWebinar,
  "fetch-webinar-staff": handleFetchWebinarStaff,
  "push-registration": handlePushRegistration,
  "sweep-registrations": handleSweepRegistrations,
  "apply-webhook-event": handleApplyWebhookEvent,
  "sweep-webhook-events": handleSweepWebhookEvents,
  "fan-out-events": handleFanOutEvents,
  "deliver-endpoint": handleDeliverEndpoint,
  "sweep-outbound": handleSweepOutbound,
  "prune-webhook-events": handlePruneWebhookEvents,
  "prune-expired-records": handlePruneExpiredRecords,
};
