import type { RegistrantJoinedEvent } from "@gw/gotowebinar";
import { upsertRegistrants } from "../sync/upsert-registrants";
import { type ApplyContext, type ApplyOutcome, findEventWebinar, webinarNotSynced } from "./apply-outcome";

/**
 * registrant.joined: attendance in progress (`joinedAt`, the first join). ATTENDED itself still
 * comes from the attendance sync after the end: GoTo sends no session-end event. A join that
 * overtakes its registrant.added creates the registration from the join's own data.
 */
export async function applyRegistrantJoined(ctx: ApplyContext, event: RegistrantJoinedEvent): Promise<ApplyOutcome> {
  const { db, connector, now } = ctx;
  const webinar = await findEventWebinar(db, connector.id, event.webinarKey);
  if (!webinar) return webinarNotSynced(event.webinarKey);
  const markJoined = () => db.$queryRaw<{ id: string }[]>`
    UPDATE "WebinarRegistration"
    SET "joinedAt" = LEAST(COALESCE("joinedAt", ${event.joinTime}::timestamptz), ${event.joinTime}::timestamptz), "updatedAt" = now()
    WHERE "webinarId" = ${webinar.id}::uuid AND "registrantKey" = ${event.registrantKey}
    RETURNING "id"`;
  if ((await markJoined()).length > 0) return { status: "APPLIED" };
  const result = await upsertRegistrants({
    db,
    webinar,
    connector,
    registrants: [
      {
        registrantKey: event.registrantKey,
        email: event.email,
        firstName: event.firstName,
        lastName: event.lastName,
        status: "APPROVED",
      },
    ],
    source: "WEBHOOK",
    complete: false,
    now,
  });
  if (result.skipped > 0) {
    return {
      status: "IGNORED",
      reason: "the registrant is not a prospect and this connector does not create prospects",
    };
  }
  return (await markJoined()).length > 0
    ? { status: "APPLIED" }
    : { status: "IGNORED", reason: `registrant ${event.registrantKey} has no registration` };
}
