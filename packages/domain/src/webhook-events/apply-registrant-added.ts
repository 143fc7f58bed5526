import type { RegistrantAddedEvent } from "@gw/gotowebinar";
import type { RegistrantInput } from "../sync/types";
import { type ApplyContext, type ApplyOutcome, findEventWebinar, webinarNotSynced } from "./apply-outcome";
import { cancelRegistrations } from "./cancel-registrations";
import { upsertEventRegistrant } from "./upsert-event-registrant";

/**
 * registrant.added: the registration and its REGISTERED (and, once approved, ACCEPTED) activity,
 * by the sync's own rules (prospect matched by e-mail, merged → master, create-prospects off →
 * unknown people skipped), so a poll that later sees the same registrant changes nothing.
 */
export async function applyRegistrantAdded(ctx: ApplyContext, event: RegistrantAddedEvent): Promise<ApplyOutcome> {
  const { db, connector, now } = ctx;
  const webinar = await findEventWebinar(db, connector.id, event.webinarKey);
  if (!webinar) return webinarNotSynced(event.webinarKey);
  if (webinar.status === "CANCELLED") return { status: "IGNORED", reason: `webinar ${event.webinarKey} is cancelled` };
  // Some GoTo descriptions list Cancelled among registrant statuses: treat it as the cancellation it is.
  if ((event.status ?? "").toUpperCase() === "CANCELLED") {
    const cancelled = await cancelRegistrations({
      db,
      webinar,
      registrantKeys: [event.registrantKey],
      now,
      reason: "registration cancelled in GoTo Webinar",
    });
    return cancelled > 0
      ? { status: "APPLIED" }
      : { status: "IGNORED", reason: `registrant ${event.registrantKey} is not registered here` };
  }
  return upsertEventRegistrant(ctx, webinar, registrantOfEvent(event));
}

/** The registrant a registrant.added event delivers, as the sync writes it. */
export function registrantOfEvent(event: RegistrantAddedEvent): RegistrantInput {
  return {
    registrantKey: event.registrantKey,
    email: event.email,
    firstName: event.firstName,
    lastName: event.lastName,
    registrationDate: event.registrationDate ?? null,
    status: event.status ?? null,
    joinUrl: event.joinUrl ?? null,
    sourceLabel: event.registrationSource ?? null,
  };
}
