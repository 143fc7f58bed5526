import type { SimContext } from "../context";
import { num } from "../json/lossless";
import type { Registrant, SurveySubmission, Webinar } from "../state/types";
import { isoMillis, isoSeconds } from "../time";
import { joinUrl } from "../urls";

/**
 * Event payloads per docs/gotowebinar-api.md §6.1: keys are bare JSON numbers. The common fields
 * (eventName, eventVersion, product, eventKey, timestamp) are added by the dispatcher.
 */

function webinarFields(webinar: Webinar): Record<string, unknown> {
  return {
    webinarKey: num(webinar.webinarKey),
    webinarTitle: webinar.subject,
    description: webinar.description,
    experienceType: webinar.experienceType,
    recurrenceType: webinar.type,
    recurrenceKey: webinar.recurrenceKey ? num(webinar.recurrenceKey) : undefined,
  };
}

function schedule(webinar: Webinar): Record<string, unknown> {
  return {
    times: webinar.times.map((t) => ({ startTime: isoSeconds(t.startTime), endTime: isoSeconds(t.endTime) })),
    timeZone: webinar.timeZone,
    organizerKey: num(webinar.organizerKey),
    accountKey: num(webinar.accountKey),
  };
}

export function publishWebinarCreated(ctx: SimContext, webinar: Webinar): void {
  ctx.events.publish(webinar.organizerKey, "webinar.created", {
    ...webinarFields(webinar),
    webinarCreationDate: isoMillis(webinar.createTime),
    ...schedule(webinar),
    status: "NEW",
  });
}

export function publishWebinarChanged(ctx: SimContext, webinar: Webinar, status: "UPDATED" | "DELETED"): void {
  const fields = schedule(webinar);
  ctx.events.publish(webinar.organizerKey, "webinar.changed", {
    ...webinarFields(webinar),
    times: fields.times,
    status,
    timeZone: fields.timeZone,
    organizerKey: fields.organizerKey,
    accountKey: fields.accountKey,
  });
}

export function publishRegistrantAdded(ctx: SimContext, webinar: Webinar, registrant: Registrant): void {
  const f = registrant.fields;
  ctx.events.publish(webinar.organizerKey, "registrant.added", {
    firstName: registrant.firstName,
    lastName: registrant.lastName,
    email: registrant.email,
    responses: registrant.responses.map((response) => {
      const question = webinar.questions.find((q) => q.questionKey === response.questionKey);
      const answer = question?.answers.find((a) => a.answerKey === response.answerKey)?.answer;
      return {
        question: question?.question ?? "",
        questionType: question?.type === "multipleChoice" ? "MULTIPLE_CHOICE" : "SHORT_ANSWER",
        answers: [answer ?? response.responseText ?? ""],
      };
    }),
    registrationDate: isoMillis(registrant.registrationDate),
    status: registrant.status,
    webinarKey: num(webinar.webinarKey),
    webinarTitle: webinar.subject,
    experienceType: webinar.experienceType,
    recurrenceType: webinar.type,
    webinarCreatorKey: num(webinar.organizerKey),
    registrantKey: num(registrant.registrantKey),
    joinUrl: registrant.status === "APPROVED" ? joinUrl(webinar.webinarKey, registrant.registrantKey) : undefined,
    phone: f.phone,
    address: f.address,
    city: f.city,
    state: f.state,
    country: f.country,
    zipCode: f.zipCode,
    organization: f.organization,
    jobTitle: f.jobTitle,
    industry: f.industry,
    comments: f.questionsAndComments,
    numberOfEmployees: f.numberOfEmployees,
    purchasingRole: f.purchasingRole,
    purchasingTimeFrame: f.purchasingTimeFrame,
    registrationSource: f.source,
  });
}

/**
 * registrant.joined as GoTo's docs show it, plus the registrant fields of the one published
 * sample (registrationDate, status, joinUrl); `sessionKey` may be left out, as in that sample.
 */
export function publishRegistrantJoined(
  ctx: SimContext,
  webinar: Webinar,
  registrant: Registrant,
  sessionKey: string | undefined,
  joinTime: number,
): void {
  ctx.events.publish(webinar.organizerKey, "registrant.joined", {
    firstName: registrant.firstName,
    lastName: registrant.lastName,
    email: registrant.email,
    registrationDate: isoMillis(registrant.registrationDate),
    status: registrant.status,
    joinUrl: joinUrl(webinar.webinarKey, registrant.registrantKey),
    webinarKey: num(webinar.webinarKey),
    sessionKey: sessionKey ? num(sessionKey) : undefined,
    webinarTitle: webinar.subject,
    experienceType: webinar.experienceType,
    recurrenceType: webinar.type,
    registrantKey: num(registrant.registrantKey),
    webinarCreatorKey: num(webinar.organizerKey),
    joinTime,
  });
}

export function publishSurveySubmitted(ctx: SimContext, webinar: Webinar, survey: SurveySubmission): void {
  ctx.events.publish(webinar.organizerKey, "survey.submitted", {
    webinarKey: num(webinar.webinarKey),
    webinarTitle: webinar.subject,
    webinarCreatorKey: num(webinar.organizerKey),
    experienceType: webinar.experienceType,
    sessionKey: num(webinar.sessionKeys[survey.sessionIndex] ?? webinar.sessionKeys[0] ?? "0"),
    registrantKey: num(survey.registrantKey),
    surveyName: survey.surveyName,
    responses: survey.responses,
  });
}
