import type { WebinarChangedEvent, WebinarCreatedEvent } from "@gw/gotowebinar";
import { linkWebinarPrograms } from "../engagement/link-webinar-programs";
import { mapGotoWebinar, sessionsOf, webinarStatusAt } from "../sync/map-goto-webinar";
import { type PollingSettings, planWebinarSync } from "../sync/polling-policy";
import { type ApplyContext, type ApplyOutcome, findEventWebinar } from "./apply-outcome";
import { cancelWebinar } from "./cancel-webinar";

/**
 * webinar.created / webinar.changed: the webinar's subject and times as GoTo now has them, and
 * its polls rescheduled by the polling policy (a webinar moved closer is polled sooner at once).
 * webinar.changed with status DELETED is GoTo's only cancellation signal: the webinar is cancelled.
 * Fields the event does not carry (approval type, registration URL) are left to the sync.
 */
export async function applyWebinarEvent(
  ctx: ApplyContext & { polling: PollingSettings },
  event: WebinarCreatedEvent | WebinarChangedEvent,
): Promise<ApplyOutcome> {
  const { db, connector, now, polling } = ctx;
  const existing = await findEventWebinar(db, connector.id, event.webinarKey);

  if (event.eventName === "webinar.changed" && event.status.toUpperCase() === "DELETED") {
    if (!existing)
      return { status: "IGNORED", reason: `webinar ${event.webinarKey} was never synced; nothing to cancel` };
    const changed = await cancelWebinar({ db, webinar: existing, now });
    return changed ? { status: "APPLIED" } : { status: "APPLIED", reason: "already cancelled" };
  }
  if (existing?.status === "CANCELLED")
    return { status: "IGNORED", reason: `webinar ${event.webinarKey} is cancelled` };

  const fields = mapGotoWebinar({
    webinarKey: event.webinarKey,
    subject: event.webinarTitle,
    times: event.times,
    ...(event.description !== undefined ? { description: event.description } : {}),
    ...(event.timeZone !== undefined ? { timeZone: event.timeZone } : {}),
    ...(event.recurrenceType !== undefined ? { recurrenceType: event.recurrenceType } : {}),
  });
  if (!fields) return { status: "IGNORED", reason: `the event carries no valid times for webinar ${event.webinarKey}` };

  const plan = planWebinarSync({
    schedule: { startsAt: fields.startsAt, endsAt: fields.endsAt, sessions: sessionsOf(fields.times) },
    now,
    settings: polling,
  });
  const status = webinarStatusAt(fields, now);
  const described = {
    subject: fields.subject,
    times: fields.times,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    status,
    lastSeenAt: now,
    ...(event.description !== undefined ? { description: fields.description } : {}),
    ...(fields.timeZone ? { timeZone: fields.timeZone } : {}),
    ...(fields.recurrenceType ? { recurrenceType: fields.recurrenceType } : {}),
    ...(event.recurrenceKey ? { recurrenceKey: event.recurrenceKey } : {}),
  };

  if (!existing) {
    // New to us: poll at once, which brings what the event lacks (approval type) and any registrants.
    await db.webinar.upsert({
      where: { connectorId_webinarKey: { connectorId: connector.id, webinarKey: event.webinarKey } },
      create: {
        accountId: connector.accountId,
        connectorId: connector.id,
        webinarKey: event.webinarKey,
        ...described,
        nextPollAt: plan.phase === "upcoming" || plan.phase === "live" ? now : null,
        nextAttendanceSyncAt: plan.nextAttendanceSyncAt,
      },
      update: described,
    });
    if (event.recurrenceKey || fields.recurrenceType === "series")
      await linkWebinarPrograms({ db, connectorId: connector.id });
    return { status: "APPLIED" };
  }

  const schedule: { nextPollAt?: Date | null; nextAttendanceSyncAt?: Date | null } = {};
  if (plan.phase === "upcoming" || plan.phase === "live") {
    // Moved closer → the shorter interval applies now; moved away → the next poll re-plans.
    const current = existing.nextPollAt;
    schedule.nextPollAt = plan.nextPollAt && (!current || plan.nextPollAt < current) ? plan.nextPollAt : current;
    if (existing.attendanceSyncs === 0) schedule.nextAttendanceSyncAt = plan.nextAttendanceSyncAt;
  } else if (existing.attendanceSyncs === 0 && existing.endsAt.getTime() !== fields.endsAt.getTime()) {
    // Moved to an end already past: its attendance is due now, not at the old end (days away),
    // and a discovery seeing these same times would keep that stale schedule.
    schedule.nextPollAt = null;
    schedule.nextAttendanceSyncAt =
      plan.nextAttendanceSyncAt && plan.nextAttendanceSyncAt < now ? now : plan.nextAttendanceSyncAt;
  }
  await db.webinar.update({ where: { id: existing.id }, data: { ...described, ...schedule } });
  if (event.recurrenceKey && !existing.programId) await linkWebinarPrograms({ db, connectorId: connector.id });
  return { status: "APPLIED" };
}
