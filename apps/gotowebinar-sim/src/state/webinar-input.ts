import { badRequest } from "../errors";
import { isValidTimeZone, requireDateTime } from "../time";
import type { EmailSettings, ExperienceType, Organizer, TimeRange, WebinarType } from "./types";

/** What a webinar is made from, whether through the REST API, a scenario or the control API. */
export interface WebinarSpec {
  subject: string;
  description?: string;
  times: TimeRange[];
  timeZone: string;
  locale: string;
  type: WebinarType;
  experienceType: ExperienceType;
  isPasswordProtected: boolean;
  isOndemand: boolean;
  isBreakout: boolean;
  emailSettings: EmailSettings;
}

export const LOCALES = ["en_US", "de_DE", "es_ES", "fr_FR", "it_IT", "zh_CN"];
const TYPES: WebinarType[] = ["single_session", "series", "sequence"];
const EXPERIENCE_TYPES: ExperienceType[] = ["CLASSIC", "BROADCAST", "SIMULIVE"];
const MAX_SEQUENCE_SESSIONS = 100;

type Body = Record<string, unknown>;

export function asObject(body: unknown, what = "request body"): Body {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest(`${what} must be a JSON object`);
  return body as Body;
}

/** Validates a `WebinarReqCreate` body (docs/gotowebinar-api.md §3.3). */
export function parseCreateWebinar(raw: unknown, organizer: Organizer, now: number): WebinarSpec {
  const body = asObject(raw);
  const type = parseType(body.type);
  const times = type === "sequence" ? sequenceTimes(body) : parseTimes(body.times, "times");
  checkTimesForType(type, times);
  for (const t of times) {
    if (t.startTime <= now) throw badRequest("The webinar start time must be in the future");
  }
  return {
    subject: parseSubject(body.subject),
    description: parseDescription(body.description),
    times,
    timeZone: parseTimeZone(body.timeZone) ?? organizer.timeZone,
    locale: parseLocale(body.locale) ?? "en_US",
    type,
    experienceType: parseExperienceType(body.experienceType) ?? "CLASSIC",
    isPasswordProtected: parseBoolean(body.isPasswordProtected, "isPasswordProtected") ?? false,
    isOndemand: parseBoolean(body.isOndemand, "isOndemand") ?? false,
    isBreakout: parseBoolean(body.isBreakout, "isBreakout") ?? false,
    emailSettings: parseEmailSettings(body.emailSettings) ?? {},
  };
}

export interface WebinarChanges {
  subject?: string;
  description?: string;
  times?: TimeRange[];
  timeZone?: string;
  locale?: string;
  emailSettings?: EmailSettings;
}

/** Validates a `WebinarReqUpdate` body (§3.4): at least one field; times replace the schedule. */
export function parseUpdateWebinar(raw: unknown, type: WebinarType, now: number): WebinarChanges {
  const body = asObject(raw);
  const changes: WebinarChanges = {};
  if (body.subject !== undefined) changes.subject = parseSubject(body.subject);
  if (body.description !== undefined) changes.description = parseDescription(body.description);
  if (body.times !== undefined) {
    const times = parseTimes(body.times, "times");
    if (type === "single_session" && times.length !== 1) {
      throw badRequest("A single_session webinar takes exactly one entry in times");
    }
    for (const t of times) {
      if (t.startTime <= now) throw badRequest("The webinar start time must be in the future");
    }
    changes.times = times;
  }
  if (body.timeZone !== undefined) changes.timeZone = parseTimeZone(body.timeZone);
  if (body.locale !== undefined) changes.locale = parseLocale(body.locale);
  if (body.emailSettings !== undefined) changes.emailSettings = parseEmailSettings(body.emailSettings);
  if (Object.keys(changes).length === 0) {
    throw badRequest("At least one of subject, description, times, timeZone, locale or emailSettings is required");
  }
  return changes;
}

function parseSubject(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw badRequest("subject is required");
  if (value.length > 128) throw badRequest(`subject must be at most 128 characters, got ${value.length}`);
  return value;
}

function parseDescription(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest("description must be a string");
  if (value.length > 2048) throw badRequest(`description must be at most 2048 characters, got ${value.length}`);
  return value;
}

function parseType(value: unknown): WebinarType {
  if (value === undefined || value === null) return "single_session";
  if (!TYPES.includes(value as WebinarType)) {
    throw badRequest(`type must be one of ${TYPES.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as WebinarType;
}

export function parseTimes(value: unknown, name: string): TimeRange[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest(`${name} must be a non-empty array`);
  const times = value.map((item, i) => parseRange(item, `${name}[${i}]`));
  return times.sort((a, b) => a.startTime - b.startTime);
}

function parseRange(value: unknown, name: string): TimeRange {
  const range = asObject(value, name);
  const startTime = requireDateTime(range.startTime, `${name}.startTime`);
  const endTime = requireDateTime(range.endTime, `${name}.endTime`);
  if (endTime <= startTime) throw badRequest(`${name}.endTime must be after its startTime`);
  return { startTime, endTime };
}

function checkTimesForType(type: WebinarType, times: TimeRange[]): void {
  if (type === "single_session" && times.length !== 1) {
    throw badRequest(`A single_session webinar takes exactly one entry in times, got ${times.length}`);
  }
  if (type === "series" && times.length < 2) {
    throw badRequest(`A series webinar takes two or more entries in times, got ${times.length}`);
  }
}

const PATTERNS = ["daily", "weekly", "monthly"];

/** A sequence is given as recurrenceStart + recurrencePattern + recurrenceEnd (a date). */
function sequenceTimes(body: Body): TimeRange[] {
  if (body.recurrenceStart === undefined) throw badRequest("A sequence webinar requires recurrenceStart");
  const first = parseRange(body.recurrenceStart, "recurrenceStart");
  const pattern = body.recurrencePattern;
  if (typeof pattern !== "string" || !PATTERNS.includes(pattern)) {
    throw badRequest(`recurrencePattern must be one of ${PATTERNS.join(", ")}, got ${JSON.stringify(pattern)}`);
  }
  const end = body.recurrenceEnd;
  if (typeof end !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(end) || Number.isNaN(Date.parse(`${end}T23:59:59Z`))) {
    throw badRequest(`recurrenceEnd must be a date such as 2016-12-01, got ${JSON.stringify(end)}`);
  }
  const last = Date.parse(`${end}T23:59:59.999Z`);
  if (last < first.startTime) throw badRequest("recurrenceEnd must not be before recurrenceStart");
  const duration = first.endTime - first.startTime;
  const times: TimeRange[] = [];
  for (let i = 0; ; i++) {
    const start = new Date(first.startTime);
    if (pattern === "daily") start.setUTCDate(start.getUTCDate() + i);
    if (pattern === "weekly") start.setUTCDate(start.getUTCDate() + 7 * i);
    if (pattern === "monthly") start.setUTCMonth(start.getUTCMonth() + i);
    if (start.getTime() > last) break;
    if (times.length === MAX_SEQUENCE_SESSIONS) {
      throw badRequest(`A sequence may have at most ${MAX_SEQUENCE_SESSIONS} sessions`);
    }
    times.push({ startTime: start.getTime(), endTime: start.getTime() + duration });
  }
  if (times.length < 2) throw badRequest("A sequence webinar needs at least two sessions before recurrenceEnd");
  return times;
}

function parseTimeZone(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !isValidTimeZone(value)) {
    throw badRequest(`timeZone must be a valid time zone ID such as America/Chicago, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseLocale(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !LOCALES.includes(value)) {
    throw badRequest(`locale must be one of ${LOCALES.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseExperienceType(value: unknown): ExperienceType | undefined {
  if (value === undefined || value === null) return undefined;
  const upper = typeof value === "string" ? value.toUpperCase() : "";
  if (!EXPERIENCE_TYPES.includes(upper as ExperienceType)) {
    throw badRequest(`experienceType must be one of ${EXPERIENCE_TYPES.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return upper as ExperienceType;
}

function parseBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw badRequest(`${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function parseEmailSettings(value: unknown): EmailSettings | undefined {
  if (value === undefined || value === null) return undefined;
  const settings = asObject(value, "emailSettings");
  const result: EmailSettings = {};
  for (const name of [
    "confirmationEmail",
    "reminderEmail",
    "absenteeFollowUpEmail",
    "attendeeFollowUpEmail",
  ] as const) {
    const item = settings[name];
    if (item === undefined) continue;
    const obj = asObject(item, `emailSettings.${name}`);
    const enabled = parseBoolean(obj.enabled, `emailSettings.${name}.enabled`);
    const includeCertificate = parseBoolean(obj.includeCertificate, `emailSettings.${name}.includeCertificate`);
    result[name] = name === "attendeeFollowUpEmail" ? { enabled, includeCertificate } : { enabled };
  }
  return result;
}
