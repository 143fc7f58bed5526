import { apiPath, type ClientContext, requireText } from "../context";
import { GotoInputError } from "../http/errors";
import { asRecord, dropUndefined, keyOf, optKey } from "../http/values";
import type { CreatedWebinar, CreateWebinarOptions } from "../types/webinars";
import { emailSettingsBody, timeRangeBody, timesBody } from "./webinar-body";

/**
 * Creates a single-session webinar, a series (attendees pick sessions) or a sequence (same
 * attendees for a recurring pattern). Not retried on 5xx/network errors: a retry could create a
 * second webinar.
 */
export async function createWebinar(ctx: ClientContext, options: CreateWebinarOptions): Promise<CreatedWebinar> {
  requireText(options.subject, "subject");
  if (options.subject.length > 128) throw new GotoInputError("subject", "subject must be at most 128 characters");
  if (options.description !== undefined && options.description.length > 2048) {
    throw new GotoInputError("description", "description must be at most 2048 characters");
  }
  const body: Record<string, unknown> = {
    subject: options.subject,
    description: options.description,
    timeZone: options.timeZone,
    locale: options.locale,
    isPasswordProtected: options.isPasswordProtected,
    isOndemand: options.isOndemand,
    isBreakout: options.isBreakout,
    experienceType: options.experienceType,
    recordingAssetKey: options.recordingAssetKey,
    emailSettings: emailSettingsBody(options.emailSettings),
  };
  if (options.type === "sequence") {
    body.type = "sequence";
    body.recurrenceStart = timeRangeBody(options.recurrenceStart, "recurrenceStart");
    body.recurrencePattern = options.recurrencePattern;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.recurrenceEnd)) {
      throw new GotoInputError("recurrenceEnd", `recurrenceEnd must be YYYY-MM-DD, got ${options.recurrenceEnd}`);
    }
    body.recurrenceEnd = options.recurrenceEnd;
  } else if (options.type === "series") {
    if (options.times.length < 2) throw new GotoInputError("times", "a series needs at least two sessions");
    body.type = "series";
    body.times = timesBody(options.times);
  } else {
    if (options.times.length !== 1) {
      throw new GotoInputError(
        "times",
        `a single-session webinar needs exactly one time range, got ${options.times.length}`,
      );
    }
    body.type = "single_session";
    body.times = timesBody(options.times);
  }
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "POST",
    path: apiPath`/organizers/${organizerKey}/webinars`,
    body: { kind: "json", value: dropUndefined(body) },
    retryable: false,
  });
  const created = asRecord(data);
  const recurrenceKey = optKey(created.recurrenceKey);
  return recurrenceKey === undefined
    ? { webinarKey: keyOf(created.webinarKey) }
    : { webinarKey: keyOf(created.webinarKey), recurrenceKey };
}
