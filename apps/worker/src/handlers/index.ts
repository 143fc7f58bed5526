import { handleDispatch } from "./dispatch";
import { handleApplyWebhookEvent } from "./apply-webhook-event";
import { handleSweepWebhookEvents } from "./sweep-webhook-events";
import type { JobHandlers } from "./types";

export const handlers: JobHandlers = {
  dispatch: handleDispatch,
  "apply-webhook-event": handleApplyWebhookEvent,
  "sweep-webhook-events": handleSweepWebhookEvents,
};
