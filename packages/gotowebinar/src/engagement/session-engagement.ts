import { apiPath, type ClientContext } from "../context";
import { asArray, asRecord, isRecord } from "../http/values";
import { mapAttendee, mapSession } from "../sessions/map-session";
import type {
  GotoAttendeeQuestion,
  GotoPollResult,
  GotoSessionPerformance,
  WebinarPerformanceOptions,
} from "../types/engagement";
import type { GotoAttendee, GotoSession, SessionRef } from "../types/sessions";
import { mapAttendeeQuestion, mapPollResult, mapSessionPerformance } from "./map-engagement";

async function getSessionResource(ctx: ClientContext, options: SessionRef, resource: string): Promise<unknown> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const base = apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/sessions/${options.sessionKey}`;
  const { data } = await ctx.transport.request({ method: "GET", path: resource ? `${base}/${resource}` : base });
  return data;
}

export interface SessionDetails {
  /** Present when GoTo answers with the session itself. */
  session?: GotoSession;
  /** The spec documents this call as answering with the session's attendees. */
  attendees: GotoAttendee[];
}

/**
 * GET …/sessions/{sessionKey}. Both copies of GoTo's spec say it answers with the ended
 * session's attendees (an array); a session object is read too, in case GoTo answers with one.
 */
export async function getSession(ctx: ClientContext, options: SessionRef): Promise<SessionDetails> {
  const data = await getSessionResource(ctx, options, "");
  if (isRecord(data) && ("sessionKey" in data || "startTime" in data)) {
    return { session: mapSession(data), attendees: asArray(data.attendees).map((a) => mapAttendee(a)) };
  }
  return { attendees: asArray(data).map((a) => mapAttendee(a, options.sessionKey)) };
}

export async function getSessionPerformance(ctx: ClientContext, options: SessionRef): Promise<GotoSessionPerformance> {
  return mapSessionPerformance(await getSessionResource(ctx, options, "performance"));
}

/** Performance of every ended session of a webinar in one request, by sessionKey. */
export async function getWebinarPerformance(
  ctx: ClientContext,
  options: WebinarPerformanceOptions,
): Promise<Map<string, GotoSessionPerformance>> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/performance`,
  });
  // Session keys are the object's property names, so they stay strings whatever their size.
  return new Map(
    Object.entries(asRecord(data)).map(([sessionKey, value]) => [sessionKey, mapSessionPerformance(value)]),
  );
}

export async function listSessionPolls(ctx: ClientContext, options: SessionRef): Promise<GotoPollResult[]> {
  return asArray(await getSessionResource(ctx, options, "polls")).map(mapPollResult);
}

export async function listSessionSurveys(ctx: ClientContext, options: SessionRef): Promise<GotoPollResult[]> {
  return asArray(await getSessionResource(ctx, options, "surveys")).map(mapPollResult);
}

/** Every question asked in the session, with who asked it (askedBy e-mail, askerKey). */
export async function listSessionQuestions(ctx: ClientContext, options: SessionRef): Promise<GotoAttendeeQuestion[]> {
  return asArray(await getSessionResource(ctx, options, "questions")).map(mapAttendeeQuestion);
}
