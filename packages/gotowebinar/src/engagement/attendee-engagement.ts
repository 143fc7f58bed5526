import { apiPath, type ClientContext } from "../context";
import { asArray } from "../http/values";
import type { GotoAttendeeQuestion, GotoPollAnswer } from "../types/engagement";
import type { AttendeeRef } from "../types/sessions";
import { mapAttendeeQuestion, mapPollAnswer } from "./map-engagement";

async function getAttendeeResource(ctx: ClientContext, options: AttendeeRef, resource: string): Promise<unknown[]> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: `${apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/sessions/${options.sessionKey}/attendees/${options.registrantKey}`}/${resource}`,
  });
  return asArray(data);
}

/** One attendee's answers to the session's polls. */
export async function listAttendeePollAnswers(ctx: ClientContext, options: AttendeeRef): Promise<GotoPollAnswer[]> {
  return (await getAttendeeResource(ctx, options, "polls")).map(mapPollAnswer);
}

/** One attendee's answers to the session's survey. */
export async function listAttendeeSurveyAnswers(ctx: ClientContext, options: AttendeeRef): Promise<GotoPollAnswer[]> {
  return (await getAttendeeResource(ctx, options, "surveys")).map(mapPollAnswer);
}

/** The questions one attendee asked in the session. */
export async function listAttendeeQuestions(ctx: ClientContext, options: AttendeeRef): Promise<GotoAttendeeQuestion[]> {
  return (await getAttendeeResource(ctx, options, "questions")).map(mapAttendeeQuestion);
}
