import { handleDispatch } from "./dispatch";
import { handlePushRegistration } from "./push-registration";
import { handleSweepRegistrations } from "./sweep-registrations";
import { handleApplyWebhookEvent } from "./apply-webhook-event";
import { handleSweepWebhookEvents } from "./sweep-webhook-events";
import type { JobHandlers } from "./types";

export const handlers: JobHandlers = {
  dispatch: handleDispatch,
  "push-registration": handlePushRegistration,
  "sweep-registrations": handleSweepRegistrations,
  "apply-webhook-event": handleApplyWebhookEvent,
  "sweep-webhook-events": handleSweepWebhookEvents,
};
