import { pgQuery } from "@gw/db";
import type { SurveySubmittedEvent } from "@gw/gotowebinar";
import { getScoringPoints } from "../scoring/get-scoring-rules";
import { recordActivities } from "../scoring/record-activities";
import { type ApplyContext, type ApplyOutcome, findEventWebinar, webinarNotSynced } from "./apply-outcome";

/**
 * survey.submitted: the answers kept on the registration (`surveyResponses`), each submission
 * once: it carries its event key, so applying it again appends nothing. The registration's
 * `surveysAnswered` counts them and ANSWERED_SURVEY is recorded (its points once).
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
  const appended = await pgQuery<{ id: string }>(
    db,
    `UPDATE "WebinarRegistration"
     SET "surveyResponses" = "surveyResponses" || jsonb_build_array($3::jsonb), "updatedAt" = now()
     WHERE "webinarId" = $1::uuid AND "registrantKey" = $2 AND NOT ("surveyResponses" @> $4::jsonb)
     RETURNING "id"`,
    [webinar.id, event.registrantKey, JSON.stringify(entry), marker],
  );
  if (appended.length > 0) {
    const [registration] = await pgQuery<{ prospectId: string; surveysAnswered: number }>(
      db,
      `UPDATE "WebinarRegistration" SET "surveysAnswered" = GREATEST(jsonb_array_length("surveyAnswers"),
         COALESCE((SELECT sum(jsonb_array_length(COALESCE(e->'responses', '[]'::jsonb)))::int
                   FROM jsonb_array_elements("surveyResponses") e), 0))
       WHERE "id" = $1::uuid
       RETURNING "prospectId", "surveysAnswered"`,
      [appended[0]?.id],
    );
    if (registration && registration.surveysAnswered > 0) {
      await recordActivities({
        db,
        accountId: webinar.accountId,
        activities: [
          {
            prospectId: registration.prospectId,
            webinarId: webinar.id,
            type: "ANSWERED_SURVEY",
            occurredAt: event.timestamp ? new Date(event.timestamp) : now,
            details: { surveysAnswered: registration.surveysAnswered },
          },
        ],
        points: await getScoringPoints({ db, accountId: webinar.accountId }),
        refreshDetailsOf: ["ANSWERED_SURVEY"],
      });
    }
    return { status: "APPLIED" };
  }
  const [registration] = await pgQuery<{ id: string }>(
    db,
    `SELECT "id" FROM "WebinarRegistration" WHERE "webinarId" = $1::uuid AND "registrantKey" = $2 LIMIT 1`,
    [webinar.id, event.registrantKey],
  );
  return registration
    ? { status: "APPLIED", reason: "already kept" }
    : {
        status: "DEFERRED",
        reason: `registrant ${event.registrantKey} is not known for webinar ${event.webinarKey} yet`,
      };
}
