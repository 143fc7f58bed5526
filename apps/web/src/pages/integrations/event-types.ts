import type { EventType } from "@gw/api-contract";

/** What each event type means, in the words of the person choosing what an endpoint receives. */
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  "participation.registered": "Registered for a webinar",
  "participation.accepted": "Registration accepted",
  "participation.attended": "Attended (with minutes)",
  "participation.absent": "Absent",
  "participation.cancelled": "Cancelled a registration",
  "form.submitted": "Form submitted",
  "registration.failed": "Registration failed in GoTo",
  "list.added": "Added to a list",
  "list.removed": "Removed from a list",
  "connector.failed": "Connector failed (tokens revoked, or GoTo unreachable for long)",
  "connector.recovered": "Connector reached GoTo again after an outage",
  "prospect.erased": "Prospect erased",
  "rule.matched": "Automation rule emitted an event",
};

export const eventTypeLabel = (type: string) => EVENT_TYPE_LABELS[type as EventType] ?? type;
