import { pgQuery } from "@gw/db";
import type { RegistrantJoinedEvent } from "@gw/gotowebinar";
import { emailKey } from "../prospects/normalize-email";
import { type ApplyContext, type ApplyOutcome, findEventWebinar, webinarNotSynced } from "./apply-outcome";
import { upsertEventRegistrant } from "./upsert-event-registrant";

/**
 * registrant.joined: attendance in progress (`joinedAt`, the first join). ATTENDED itself still
 * comes from the attendance sync after the end: GoTo sends no session-end event. A join that
 * overtakes its registrant.added creates the registration from the join's own data.
 *
 * GoTo may leave fields out (its one published sample has no sessionKey): the session is the
 * webinar's (each session of a series is a webinar of its own; the attendance sync assigns the
 * session of a sequence from the join times), a missing joinTime is the delivery's timestamp or
 * the time we received it, and a missing registrantKey is found through the e-mail.
 */
export async function applyRegistrantJoined(ctx: ApplyContext, event: RegistrantJoinedEvent): Promise<ApplyOutcome> {
  const { db, connector, now } = ctx;
  const webinar = await findEventWebinar(db, connector.id, event.webinarKey);
  if (!webinar) return webinarNotSynced(event.webinarKey);
  const joinTime = event.joinTime ?? now;
  const markJoined = () =>
    event.registrantKey
      ? pgQuery<{ id: string }>(
          db,
          `UPDATE "WebinarRegistration"
           SET "joinedAt" = LEAST(COALESCE("joinedAt", $2::timestamptz), $2::timestamptz), "updatedAt" = now()
           WHERE "webinarId" = $1::uuid AND "registrantKey" = $3
           RETURNING "id"`,
          [webinar.id, joinTime, event.registrantKey],
        )
      : pgQuery<{ id: string }>(
          db,
          `UPDATE "WebinarRegistration" r
           SET "joinedAt" = LEAST(COALESCE(r."joinedAt", $2::timestamptz), $2::timestamptz), "updatedAt" = now()
           FROM "Prospect" p
           WHERE r."webinarId" = $1::uuid AND p."id" = r."prospectId" AND lower(p."email") = $3
           RETURNING r."id"`,
          [webinar.id, joinTime, emailKey(event.email)],
        );
  if ((await markJoined()).length > 0) return { status: "APPLIED" };
  if (!event.registrantKey) {
    return {
      status: "DEFERRED",
      reason: `no registration of ${event.email} for webinar ${event.webinarKey} yet (the registrant sync brings it)`,
    };
  }
  const written = await upsertEventRegistrant(ctx, webinar, {
    registrantKey: event.registrantKey,
    email: event.email,
    firstName: event.firstName,
    lastName: event.lastName,
    registrationDate: event.registrationDate ?? null,
    status: event.status ?? "APPROVED",
    joinUrl: event.joinUrl ?? null,
  });
  if (written.status !== "APPLIED") return written;
  return (await markJoined()).length > 0
    ? { status: "APPLIED" }
    : { status: "IGNORED", reason: `registrant ${event.registrantKey} has no registration` };
}
