import type { SimContext } from "../context";
import type { ScenarioRequest, ScenarioResult, ScenarioWebinar } from "../control/types";
import { badRequest } from "../errors";
import { hashUnit } from "../random";
import { DAY, isoSeconds, isValidTimeZone, MINUTE } from "../time";
import { publishRegistrantAdded } from "../webhooks/events";
import { endedSessions } from "./attendance";
import { insertRegistrant } from "./registrants";
import type { Organizer, Registrant, RegistrantResponse, RegistrantStatus, TimeRange, Webinar } from "./types";
import { clampRatio, createSeries } from "./webinars";

const FIRST_NAMES = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kara",
  "Liam",
  "Mei",
  "Nora",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tara",
  "Umar",
  "Vera",
  "Wes",
  "Yara",
  "Zane",
];
const LAST_NAMES = [
  "Adler",
  "Brooks",
  "Castro",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Patel",
  "Quint",
  "Rossi",
  "Schmidt",
  "Tanaka",
];
const JOB_TITLES = ["Marketing Manager", "Developer", "Sales Director", "Analyst", "Product Owner", "Consultant"];
const MAX_WEBINARS = 1000;
const MAX_REGISTRANTS = 100_000;

function firstName(person: number): string {
  return FIRST_NAMES[person % FIRST_NAMES.length] ?? "Pat";
}

function lastName(person: number): string {
  return LAST_NAMES[Math.floor(person / FIRST_NAMES.length) % LAST_NAMES.length] ?? "Doe";
}

// Registrant field objects and empty response lists are never mutated, so seeded registrants
// share them: fewer objects keeps 100,000 registrants cheap for the garbage collector.
const SHARED_FIELDS = Array.from({ length: 50 * JOB_TITLES.length }, (_, i) =>
  Object.freeze({ organization: `Company ${(i % 50) + 1}`, jobTitle: JOB_TITLES[i % JOB_TITLES.length] }),
);
const NO_RESPONSES: RegistrantResponse[] = [];

/**
 * Seeds webinars and registrants in bulk, straight into the state (no per-registrant validation
 * or events unless asked), so 100 webinars × 1,000 registrants take a fraction of a second.
 */
export function runScenario(ctx: SimContext, request: ScenarioRequest): ScenarioResult {
  if (!request || !Array.isArray(request.webinars)) throw badRequest("webinars must be an array");
  if (request.webinars.length > MAX_WEBINARS) throw badRequest(`at most ${MAX_WEBINARS} webinars per scenario`);
  if (request.seed !== undefined) ctx.state.reseed(Number(request.seed));
  const organizer = ctx.state.organizers.get(request.organizerKey ?? ctx.state.defaultOrganizerKey);
  if (!organizer) throw badRequest(`unknown organizerKey ${request.organizerKey}`);
  const pool = request.peoplePool;
  if (pool !== undefined && (!Number.isInteger(pool) || pool < 1))
    throw badRequest("peoplePool must be a whole number >= 1");

  const webinars = request.webinars.map((spec, index) => {
    const series = seedWebinar(ctx, organizer, spec, index, request);
    const webinar = series[0] as Webinar;
    const now = ctx.clock.now();
    // A series is one webinar per session (GoTo's model): the entry names them all.
    const sessions = series.flatMap((w) =>
      w.times.map((t, i) => ({
        webinarKey: w.webinarKey,
        sessionKey: w.sessionKeys[i] ?? "",
        startTime: isoSeconds(t.startTime),
        endTime: isoSeconds(t.endTime),
        ended: endedSessions(w, now).some((s) => s.index === i),
      })),
    );
    return {
      index,
      webinarKey: webinar.webinarKey,
      webinarKeys: series.map((w) => w.webinarKey),
      recurrenceKey: webinar.recurrenceKey,
      subject: webinar.subject,
      times: sessions.map((s) => ({ startTime: s.startTime, endTime: s.endTime })),
      sessions,
      registrantKeys: series.flatMap((w) => [...w.registrants.keys()]),
      questionKeys: webinar.questions.map((q) => q.questionKey),
    };
  });
  return { organizerKey: organizer.organizerKey, accountKey: organizer.accountKey, webinars };
}

function scheduleOf(spec: ScenarioWebinar, now: number): TimeRange[] {
  if (typeof spec.startsInMinutes !== "number" || !Number.isFinite(spec.startsInMinutes)) {
    throw badRequest("every webinar needs startsInMinutes (a number; negative = past)");
  }
  const duration = (spec.durationMinutes ?? 60) * MINUTE;
  if (!(duration > 0)) throw badRequest("durationMinutes must be > 0");
  const type = spec.type ?? "single_session";
  const count = type === "single_session" ? 1 : (spec.sessions ?? 3);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw badRequest("sessions must be 1..100");
  if (type !== "single_session" && count < 2) throw badRequest(`a ${type} needs at least 2 sessions`);
  const interval = (spec.sessionIntervalMinutes ?? 1440) * MINUTE;
  const first = Math.floor((now + spec.startsInMinutes * MINUTE) / MINUTE) * MINUTE;
  return Array.from({ length: count }, (_, i) => ({
    startTime: first + i * interval,
    endTime: first + i * interval + duration,
  }));
}

function seedWebinar(
  ctx: SimContext,
  organizer: Organizer,
  spec: ScenarioWebinar,
  index: number,
  request: ScenarioRequest,
): Webinar[] {
  const now = ctx.clock.now();
  const times = scheduleOf(spec, now);
  if (spec.timeZone !== undefined && !isValidTimeZone(spec.timeZone))
    throw badRequest(`invalid timeZone ${spec.timeZone}`);
  const series = createSeries(
    ctx,
    organizer,
    {
      subject: spec.subject ?? `Webinar ${index + 1}`,
      description: spec.description,
      times,
      timeZone: spec.timeZone ?? organizer.timeZone,
      locale: "en_US",
      type: spec.type ?? "single_session",
      experienceType: spec.experienceType ?? "CLASSIC",
      isPasswordProtected: false,
      isOndemand: spec.isOndemand === true,
      isBreakout: false,
      emailSettings: {},
    },
    {
      approvalType: spec.approvalType,
      attendanceRatio: clampRatio(spec.attendanceRatio ?? 0.6),
      questions: spec.questions,
      requiredFields: spec.requiredFields,
      publish: request.fireWebhooks === true,
    },
  );
  const count = spec.registrants ?? 0;
  if (!Number.isInteger(count) || count < 0 || count > MAX_REGISTRANTS) {
    throw badRequest(`registrants must be a whole number 0..${MAX_REGISTRANTS}`);
  }
  const pool = request.peoplePool;
  if (pool !== undefined && count > pool) {
    throw badRequest(`webinar ${index} wants ${count} registrants but peoplePool has only ${pool} people`);
  }
  for (const w of series) w.registrationLimit = Math.max(w.registrationLimit, count);
  // Registrations spread over the 30 days before the first session (or before now, if sooner).
  const windowEnd = Math.min(now, times[0]!.startTime - MINUTE);
  const windowStart = windowEnd - 30 * DAY;
  const offset = pool ? (index * 7919) % pool : 0;
  for (let j = 0; j < count; j++) {
    // A series' registrants each pick one session.
    const webinar = series[j % series.length] as Webinar;
    const person = pool ? (offset + j) % pool : j;
    const email = pool ? `person${person + 1}@example.com` : `person${j + 1}.${index + 1}@example.com`;
    const registrationDate = Math.floor(windowStart + ((j + 1) / (count + 1)) * (windowEnd - windowStart));
    const registrant: Registrant = {
      registrantKey: ctx.state.newKey(),
      webinarKey: webinar.webinarKey,
      firstName: firstName(person),
      lastName: lastName(person),
      email,
      registrationDate,
      status: statusOf(webinar, j),
      fields: SHARED_FIELDS[person % SHARED_FIELDS.length] as Registrant["fields"],
      responses: webinar.questions.length === 0 ? NO_RESPONSES : responsesOf(webinar, person),
      origin: "scenario",
      late: false,
      unsubscribed: false,
    };
    insertRegistrant(webinar, registrant);
    if (request.fireWebhooks) publishRegistrantAdded(ctx, webinar, registrant);
  }
  return series;
}

function statusOf(webinar: Webinar, j: number): RegistrantStatus {
  if (webinar.approvalType !== "MANUAL") return "APPROVED";
  const roll = hashUnit(webinar.attendanceSeed, j, "status");
  return roll < 0.7 ? "APPROVED" : roll < 0.9 ? "WAITING" : "DENIED";
}

function responsesOf(webinar: Webinar, person: number): RegistrantResponse[] {
  const responses: RegistrantResponse[] = [];
  webinar.questions.forEach((q, qi) => {
    if (!q.required && (person + qi) % 2 === 1) return;
    if (q.type === "multipleChoice") {
      responses.push({ questionKey: q.questionKey, answerKey: q.answers[(person + qi) % q.answers.length]?.answerKey });
    } else {
      responses.push({ questionKey: q.questionKey, responseText: `Answer from person ${person + 1}` });
    }
  });
  return responses;
}
