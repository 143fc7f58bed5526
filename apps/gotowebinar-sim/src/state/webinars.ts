import type { SimContext } from "../context";
import { badRequest, conflict, notFound } from "../errors";
import { publishWebinarChanged, publishWebinarCreated } from "../webhooks/events";
import { buildFields, buildQuestions, type QuestionSpec } from "./registration-form";
import type { ApprovalType, Organizer, Webinar } from "./types";
import type { WebinarChanges, WebinarSpec } from "./webinar-input";

export interface CreateWebinarOptions {
  approvalType?: ApprovalType;
  attendanceRatio?: number;
  questions?: QuestionSpec[];
  requiredFields?: string[];
  registrationLimit?: number;
  publish?: boolean;
}

/**
 * Creates a webinar. A series is what GoTo's spec says it is: one webinar (own webinarKey,
 * one session) per entry of `times`, grouped by one recurrenceKey; the first one is returned
 * (`createSeries` returns them all). A sequence keeps one webinarKey with several times.
 */
export function createWebinar(
  ctx: SimContext,
  organizer: Organizer,
  spec: WebinarSpec,
  options: CreateWebinarOptions = {},
): Webinar {
  return createSeries(ctx, organizer, spec, options)[0] as Webinar;
}

export function createSeries(
  ctx: SimContext,
  organizer: Organizer,
  spec: WebinarSpec,
  options: CreateWebinarOptions = {},
): Webinar[] {
  if (spec.type !== "series") return [createOne(ctx, organizer, spec, options, undefined)];
  const recurrenceKey = ctx.state.newKey();
  return [...spec.times]
    .sort((a, b) => a.startTime - b.startTime)
    .map((time) => createOne(ctx, organizer, { ...spec, times: [time] }, options, recurrenceKey));
}

/** The webinars of a series (the sessions sharing a recurrenceKey), by start; just this one otherwise. */
export function seriesOf(ctx: SimContext, webinar: Webinar): Webinar[] {
  if (!webinar.recurrenceKey) return [webinar];
  return [...ctx.state.webinars.values()]
    .filter((w) => w.recurrenceKey === webinar.recurrenceKey && !w.cancelled)
    .sort((a, b) => (a.times[0]?.startTime ?? 0) - (b.times[0]?.startTime ?? 0));
}

function createOne(
  ctx: SimContext,
  organizer: Organizer,
  spec: WebinarSpec,
  options: CreateWebinarOptions,
  recurrenceKey: string | undefined,
): Webinar {
  const state = ctx.state;
  const webinar: Webinar = {
    webinarKey: state.newKey(),
    webinarId: state.newWebinarId(),
    organizerKey: organizer.organizerKey,
    accountKey: organizer.accountKey,
    subject: spec.subject,
    description: spec.description,
    times: spec.times,
    sessionKeys: spec.times.map(() => state.newKey()),
    timeZone: spec.timeZone,
    locale: spec.locale,
    approvalType: options.approvalType ?? "AUTOMATIC",
    type: spec.type,
    recurrenceKey,
    experienceType: spec.experienceType,
    isPasswordProtected: spec.isPasswordProtected,
    isOndemand: spec.isOndemand,
    isBreakout: spec.isBreakout,
    emailSettings: spec.emailSettings,
    registrationLimit: options.registrationLimit ?? 10_000,
    createTime: ctx.clock.now(),
    cancelled: false,
    attendanceRatio: clampRatio(options.attendanceRatio ?? 0),
    attendanceSeed: state.random.int(2 ** 31),
    fields: buildFields(options.requiredFields),
    questions: buildQuestions(state, options.questions),
    registrants: new Map(),
    registrantKeyByEmail: new Map(),
    joins: new Map(),
    surveys: [],
    askedQuestions: [],
    recordingKeys: new Map(),
    panelists: [],
    coorganizers: [],
    audioType: "Hybrid",
    version: 0,
  };
  state.webinars.set(webinar.webinarKey, webinar);
  if (options.publish !== false) publishWebinarCreated(ctx, webinar);
  return webinar;
}

export function clampRatio(value: number): number {
  if (typeof value !== "number" || Number.isNaN(value))
    throw badRequest("attendanceRatio must be a number from 0 to 1");
  return Math.min(1, Math.max(0, value));
}

/** The webinar as its organizer may see it: cancelled and foreign webinars are 404, like GoTo. */
export function findWebinar(ctx: SimContext, webinarKey: string, organizerKey?: string): Webinar {
  const webinar = ctx.state.webinars.get(webinarKey);
  if (!webinar || webinar.cancelled || (organizerKey !== undefined && webinar.organizerKey !== organizerKey)) {
    throw notFound(`Webinar with key ${webinarKey} not found`);
  }
  return webinar;
}

export function isInSession(webinar: Webinar, now: number): boolean {
  return webinar.times.some((t) => t.startTime <= now && now < t.endTime);
}

export function hasStarted(webinar: Webinar, now: number): boolean {
  return webinar.times.some((t) => t.startTime <= now);
}

export function hasEnded(webinar: Webinar, now: number): boolean {
  return webinar.times.every((t) => t.endTime <= now);
}

/** Replaces the given fields; new times keep session keys by position and get new ones beyond. */
export function applyChanges(ctx: SimContext, webinar: Webinar, changes: WebinarChanges): void {
  if (changes.subject !== undefined) webinar.subject = changes.subject;
  if (changes.description !== undefined) webinar.description = changes.description;
  if (changes.timeZone !== undefined) webinar.timeZone = changes.timeZone;
  if (changes.locale !== undefined) webinar.locale = changes.locale;
  if (changes.emailSettings !== undefined)
    webinar.emailSettings = { ...webinar.emailSettings, ...changes.emailSettings };
  if (changes.times !== undefined) {
    webinar.times = changes.times;
    webinar.sessionKeys = changes.times.map((_, i) => webinar.sessionKeys[i] ?? ctx.state.newKey());
    webinar.version++;
  }
}

/** PUT …/webinars/{key} (§3.4): refused while in session or after the end. */
export function updateWebinar(
  ctx: SimContext,
  webinar: Webinar,
  changes: WebinarChanges,
  options: { notifyParticipants: boolean },
): void {
  const now = ctx.clock.now();
  if (isInSession(webinar, now)) throw badRequest("The webinar is in progress and cannot be updated");
  if (hasEnded(webinar, now)) throw badRequest("The webinar has ended and cannot be updated");
  applyChanges(ctx, webinar, changes);
  if (options.notifyParticipants) {
    for (const r of webinar.registrants.values()) {
      ctx.state.recordEmail({
        time: now,
        kind: "webinar-updated",
        to: r.email,
        webinarKey: webinar.webinarKey,
        registrantKey: r.registrantKey,
      });
    }
  }
  publishWebinarChanged(ctx, webinar, "UPDATED");
}

export interface CancelOptions {
  sendCancellationEmails: boolean;
  deleteAll: boolean;
  /** GoTo's UI path (control API) skips the in-session check the REST API applies. */
  force?: boolean;
}

/**
 * DELETE …/webinars/{key} (§3.5). For a series, deleteAll (GoTo's default) cancels every
 * scheduled session of the series, deleteAll=false only this one; for a sequence, deleteAll=false
 * drops only its next scheduled time.
 */
export function cancelWebinar(ctx: SimContext, webinar: Webinar, options: CancelOptions): void {
  const now = ctx.clock.now();
  if (!options.force && isInSession(webinar, now)) {
    throw conflict("WebinarInSession", "The webinar is in session and cannot be cancelled");
  }
  if (webinar.type === "series" && options.deleteAll && webinar.recurrenceKey) {
    for (const other of seriesOf(ctx, webinar)) {
      if (other === webinar || isInSession(other, now) || hasEnded(other, now)) continue;
      cancelOne(ctx, other, options.sendCancellationEmails, now);
    }
    cancelOne(ctx, webinar, options.sendCancellationEmails, now);
    return;
  }
  const upcoming = webinar.times.findIndex((t) => t.startTime > now);
  if (!options.deleteAll && webinar.type === "sequence" && upcoming >= 0 && webinar.times.length > 1) {
    webinar.times = webinar.times.filter((_, i) => i !== upcoming);
    webinar.sessionKeys = webinar.sessionKeys.filter((_, i) => i !== upcoming);
    webinar.version++;
    publishWebinarChanged(ctx, webinar, "UPDATED");
    return;
  }
  cancelOne(ctx, webinar, options.sendCancellationEmails, now);
}

function cancelOne(ctx: SimContext, webinar: Webinar, sendCancellationEmails: boolean, now: number): void {
  webinar.cancelled = true;
  webinar.version++;
  if (sendCancellationEmails) {
    for (const r of webinar.registrants.values()) {
      ctx.state.recordEmail({
        time: now,
        kind: "cancellation",
        to: r.email,
        webinarKey: webinar.webinarKey,
        registrantKey: r.registrantKey,
      });
    }
  }
  publishWebinarChanged(ctx, webinar, "DELETED");
}
