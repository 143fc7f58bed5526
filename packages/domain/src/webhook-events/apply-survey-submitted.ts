import type { SurveySubmittedEvent } from "@gw/gotowebinar";
import { type ApplyContext, type ApplyOutcome, findEventWebinar, webinarNotSynced } from "./apply-outcome";

/**
 * survey.submitted: the answers kept on the registration (`surveyResponses`), each submission
 * once: it carries its event key, so applying it again appends nothing.
 */
export async function applySurveySubmitted(ctx: ApplyContext, event: SurveySubmittedEvent): Promise<ApplyOutcome> {
  const { db, connector, now } = ctx;
  const webinar = await findEventWebinar(db, connector.id, event.webinarKey);
  if (!webinar) return webinarNotSynced(event.webinarKey);
  const entry = {
    eventKey: event.eventKey,
    surveyName: event.surveyName ?? null,
    sessionKey: event.sessionKey ?? null,
    submittedAt: event.timestamp ?? now.toISOString(),
    responses: event.responses,
  };
  const marker = JSON.stringify([{ eventKey: event.eventKey }]);
  const appended = await db.$queryRaw<{ id: string }[]>`
    UPDATE "WebinarRegistration"
    SET "surveyResponses" = "surveyResponses" || jsonb_build_array(${JSON.stringify(entry)}::jsonb), "updatedAt" = now()
    WHERE "webinarId" = ${webinar.id}::uuid AND "registrantKey" = ${event.registrantKey}
      AND NOT ("surveyResponses" @> ${marker}::jsonb)
    RETURNING "id"`;
  if (appended.length > 0) return { status: "APPLIED" };
  const registration = await db.webinarRegistration.findFirst({
    where: { webinarId: webinar.id, registrantKey: event.registrantKey },
    select: { id: true },
  });
  return registration
    ? { status: "APPLIED", reason: "already kept" }
    : {
        status: "DEFERRED",
        reason: `registrant ${event.registrantKey} is not known for webinar ${event.webinarKey} yet`,
      };
}
