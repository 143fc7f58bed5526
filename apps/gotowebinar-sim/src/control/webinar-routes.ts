import type { FastifyInstance, FastifyRequest } from "fastify";
import { badRequest, notFound } from "../errors";
import { sendJson } from "../http/reply";
import { pathKey } from "../rest/params";
import type { SimRuntime } from "../runtime";
import { sessionIndexAt } from "../state/attendance";
import { addRegistrant, findRegistrant, parseRegistrant, removeRegistrant } from "../state/registrants";
import { buildFields, buildQuestions } from "../state/registration-form";
import { runScenario } from "../state/scenario";
import type { RegistrantStatus, SurveySubmission, TimeRange, Webinar } from "../state/types";
import { asObject, parseTimes } from "../state/webinar-input";
import { applyChanges, cancelWebinar, clampRatio } from "../state/webinars";
import { isoMillis, MINUTE, parseDateTime } from "../time";
import { publishRegistrantJoined, publishSurveySubmitted, publishWebinarChanged } from "../webhooks/events";
import type { JoinRequest, QuestionRequest, ScenarioRequest, SurveyRequest, WebinarPatch } from "./types";
import { controlRegistrant, controlWebinar } from "./views";

const STATUSES: RegistrantStatus[] = ["APPROVED", "WAITING", "DENIED"];
const MAX_BATCH = 1000;

/** Acting as GoTo itself: seeding, and what organizers and attendees do in GoTo's own UI. */
export function registerWebinarControlRoutes(app: FastifyInstance, rt: SimRuntime): void {
  const ctx = rt.ctx;
  const webinarOf = (request: FastifyRequest): Webinar => {
    const key = pathKey(request.params, "webinarKey");
    const webinar = ctx.state.webinars.get(key);
    if (!webinar) throw notFound(`Webinar with key ${key} not found`);
    return webinar;
  };
  const liveWebinarOf = (request: FastifyRequest): Webinar => {
    const webinar = webinarOf(request);
    if (webinar.cancelled) throw badRequest(`Webinar ${webinar.webinarKey} is cancelled`);
    return webinar;
  };

  app.post("/_sim/scenario", async (request, reply) => {
    const body = asObject(request.body) as unknown as ScenarioRequest;
    if (body.reset) await rt.reset(body.seed);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = runScenario(ctx, body);
    const used = process.cpuUsage(cpu);
    // Wall time swings with machine load; CPU time says what seeding itself costs.
    reply.header(
      "server-timing",
      `seed;dur=${(performance.now() - started).toFixed(1)}, cpu;dur=${((used.user + used.system) / 1000).toFixed(1)}`,
    );
    return sendJson(reply, 201, result);
  });

  app.get("/_sim/webinars", async (request, reply) => {
    const organizerKey = (request.query as Record<string, string | undefined>).organizerKey;
    const now = ctx.clock.now();
    const webinars = [...ctx.state.webinars.values()].filter((w) => !organizerKey || w.organizerKey === organizerKey);
    return sendJson(
      reply,
      200,
      webinars.map((w) => controlWebinar(w, now)),
    );
  });

  app.get("/_sim/webinars/:webinarKey", async (request, reply) =>
    sendJson(reply, 200, controlWebinar(webinarOf(request), ctx.clock.now())),
  );

  app.patch("/_sim/webinars/:webinarKey", async (request, reply) => {
    const webinar = liveWebinarOf(request);
    const patch = asObject(request.body) as WebinarPatch;
    let times: TimeRange[] | undefined;
    if (patch.times !== undefined) times = parseTimes(patch.times, "times");
    if (patch.startsInMinutes !== undefined || patch.durationMinutes !== undefined) {
      times = reschedule(times ?? webinar.times, ctx.clock.now(), patch.startsInMinutes, patch.durationMinutes);
    }
    applyChanges(ctx, webinar, { subject: patch.subject, description: patch.description, times });
    if (patch.attendanceRatio !== undefined) webinar.attendanceRatio = clampRatio(patch.attendanceRatio);
    if (patch.approvalType !== undefined) {
      if (patch.approvalType !== "AUTOMATIC" && patch.approvalType !== "MANUAL") {
        throw badRequest("approvalType must be AUTOMATIC or MANUAL");
      }
      webinar.approvalType = patch.approvalType;
    }
    if (patch.questions !== undefined) webinar.questions = buildQuestions(ctx.state, patch.questions);
    if (patch.requiredFields !== undefined) webinar.fields = buildFields(patch.requiredFields);
    webinar.version++;
    const visible = patch.subject !== undefined || patch.description !== undefined || times !== undefined;
    if (visible && patch.publish !== false) publishWebinarChanged(ctx, webinar, "UPDATED");
    return sendJson(reply, 200, controlWebinar(webinar, ctx.clock.now()));
  });

  app.post("/_sim/webinars/:webinarKey/cancel", async (request, reply) => {
    const webinar = liveWebinarOf(request);
    const body = request.body === undefined ? {} : asObject(request.body);
    cancelWebinar(ctx, webinar, {
      sendCancellationEmails: body.sendCancellationEmails === true,
      deleteAll: true,
      force: true,
    });
    return sendJson(reply, 200, controlWebinar(webinar, ctx.clock.now()));
  });

  app.get("/_sim/webinars/:webinarKey/registrants", async (request, reply) => {
    const webinar = webinarOf(request);
    return sendJson(
      reply,
      200,
      [...webinar.registrants.values()].map((r) => controlRegistrant(r, webinar)),
    );
  });

  app.post("/_sim/webinars/:webinarKey/registrants", async (request, reply) => {
    const webinar = liveWebinarOf(request);
    const body = asObject(request.body);
    const status = body.status as RegistrantStatus | undefined;
    if (status !== undefined && !STATUSES.includes(status))
      throw badRequest(`status must be one of ${STATUSES.join(", ")}`);
    const input = parseRegistrant(body, webinar, { basicOnly: false });
    const { registrant } = addRegistrant(ctx, webinar, input, { origin: "goto-page", status });
    return sendJson(reply, 201, controlRegistrant(registrant, webinar));
  });

  // Many people on GoTo's own page at once, one registrant.added each: a load driver's calls
  // stay few whatever the rate. Every entry is checked before any is added, so a refused batch
  // (400 naming the entry) adds nobody.
  app.post("/_sim/webinars/:webinarKey/registrants/batch", async (request, reply) => {
    const webinar = liveWebinarOf(request);
    const list = asObject(request.body).registrants;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH)
      throw badRequest(`registrants must be an array of 1 to ${MAX_BATCH} registrations`);
    const seen = new Set<string>();
    const parsed = list.map((raw, i) => {
      const body = asObject(raw);
      const status = body.status as RegistrantStatus | undefined;
      if (status !== undefined && !STATUSES.includes(status))
        throw badRequest(`registrants[${i}].status must be one of ${STATUSES.join(", ")}`);
      let input: ReturnType<typeof parseRegistrant>;
      try {
        input = parseRegistrant(body, webinar, { basicOnly: false });
      } catch (error) {
        throw badRequest(`registrants[${i}]: ${(error as Error).message}`);
      }
      const email = input.email.toLowerCase();
      if (seen.has(email) || webinar.registrantKeyByEmail.has(email))
        throw badRequest(`registrants[${i}]: ${input.email} is already registered`);
      seen.add(email);
      return { input, status };
    });
    if (webinar.registrants.size + parsed.length > webinar.registrationLimit)
      throw badRequest(`The batch would pass the webinar's registration limit of ${webinar.registrationLimit}`);
    const added = parsed.map(
      ({ input, status }) => addRegistrant(ctx, webinar, input, { origin: "goto-page", status }).registrant,
    );
    return sendJson(
      reply,
      201,
      added.map((registrant) => controlRegistrant(registrant, webinar)),
    );
  });

  app.post("/_sim/webinars/:webinarKey/registrants/:registrantKey/status", async (request, reply) => {
    const webinar = webinarOf(request);
    const registrant = findRegistrant(webinar, pathKey(request.params, "registrantKey"));
    const status = asObject(request.body).status as RegistrantStatus;
    if (!STATUSES.includes(status)) throw badRequest(`status must be one of ${STATUSES.join(", ")}`);
    registrant.status = status;
    webinar.version++;
    return sendJson(reply, 200, controlRegistrant(registrant, webinar));
  });

  app.post("/_sim/webinars/:webinarKey/registrants/:registrantKey/join", async (request, reply) => {
    const webinar = liveWebinarOf(request);
    const registrant = findRegistrant(webinar, pathKey(request.params, "registrantKey"));
    if (registrant.status === "DENIED") throw badRequest("A denied registrant cannot join");
    const body = (request.body === undefined ? {} : asObject(request.body)) as JoinRequest;
    const joinTime = body.joinTime === undefined ? ctx.clock.now() : parseDateTime(body.joinTime);
    if (joinTime === undefined) throw badRequest("joinTime must be an ISO 8601 date-time");
    const leaveTime = body.leaveTime === undefined ? undefined : parseDateTime(body.leaveTime);
    if (body.leaveTime !== undefined && (leaveTime === undefined || leaveTime < joinTime)) {
      throw badRequest("leaveTime must be an ISO 8601 date-time after joinTime");
    }
    let sessionIndex = sessionIndexAt(webinar, joinTime);
    if (body.sessionKey !== undefined) {
      sessionIndex = webinar.sessionKeys.indexOf(String(body.sessionKey));
      if (sessionIndex < 0) throw badRequest(`sessionKey ${body.sessionKey} is not a session of this webinar`);
    }
    const joins = webinar.joins.get(registrant.registrantKey) ?? [];
    joins.push({ sessionIndex, joinTime, leaveTime });
    webinar.joins.set(registrant.registrantKey, joins);
    webinar.version++;
    const sessionKey = webinar.sessionKeys[sessionIndex] ?? "";
    publishRegistrantJoined(ctx, webinar, registrant, body.omitSessionKey ? undefined : sessionKey, joinTime);
    return sendJson(reply, 201, { sessionKey, joinTime: isoMillis(joinTime) });
  });

  app.delete("/_sim/webinars/:webinarKey/registrants/:registrantKey", async (request, reply) => {
    const webinar = webinarOf(request);
    removeRegistrant(ctx, webinar, pathKey(request.params, "registrantKey"), { onlyFuture: false });
    return sendJson(reply, 200, { ok: true });
  });

  app.post("/_sim/webinars/:webinarKey/questions", async (request, reply) => {
    const webinar = liveWebinarOf(request);
    const body = asObject(request.body) as unknown as QuestionRequest;
    const registrant = findRegistrant(webinar, String(body.registrantKey ?? ""));
    if (typeof body.question !== "string" || body.question.trim() === "") throw badRequest("question is required");
    const askedAt = body.askedAt === undefined ? ctx.clock.now() : parseDateTime(body.askedAt);
    if (askedAt === undefined) throw badRequest("askedAt must be an ISO 8601 date-time");
    let sessionIndex = sessionIndexAt(webinar, askedAt);
    if (body.sessionKey !== undefined) {
      sessionIndex = webinar.sessionKeys.indexOf(String(body.sessionKey));
      if (sessionIndex < 0) throw badRequest(`sessionKey ${body.sessionKey} is not a session of this webinar`);
    }
    webinar.askedQuestions.push({
      registrantKey: registrant.registrantKey,
      sessionIndex,
      question: body.question,
      askedAt,
      answers: body.answer
        ? [{ answer: body.answer, answeredBy: "", answererEmail: "", answerTime: askedAt + 60_000 }]
        : [],
    });
    webinar.version++;
    return sendJson(reply, 201, { sessionKey: webinar.sessionKeys[sessionIndex], askedAt: isoMillis(askedAt) });
  });

  app.post("/_sim/webinars/:webinarKey/surveys", async (request, reply) => {
    const webinar = liveWebinarOf(request);
    const body = asObject(request.body) as unknown as SurveyRequest;
    const registrant = findRegistrant(webinar, String(body.registrantKey ?? ""));
    let sessionIndex = sessionIndexAt(webinar, ctx.clock.now());
    if (body.sessionKey !== undefined) {
      sessionIndex = webinar.sessionKeys.indexOf(String(body.sessionKey));
      if (sessionIndex < 0) throw badRequest(`sessionKey ${body.sessionKey} is not a session of this webinar`);
    }
    const survey: SurveySubmission = {
      registrantKey: registrant.registrantKey,
      sessionIndex,
      surveyName: body.surveyName ?? "Post-webinar survey",
      submittedAt: ctx.clock.now(),
      responses: (body.responses ?? [{ question: "How would you rate this webinar?", answers: ["5"] }]).map((r) => ({
        question: String(r.question),
        questionType: r.questionType ?? "RATING",
        answers: Array.isArray(r.answers) ? r.answers.map(String) : [],
      })),
    };
    webinar.surveys.push(survey);
    webinar.version++;
    publishSurveySubmitted(ctx, webinar, survey);
    return sendJson(reply, 201, {
      ...survey,
      sessionKey: webinar.sessionKeys[sessionIndex],
      submittedAt: isoMillis(survey.submittedAt),
    });
  });
}

/** Same session count and spacing; the first session moves to now + startsInMinutes. */
function reschedule(times: TimeRange[], now: number, startsInMinutes?: number, durationMinutes?: number): TimeRange[] {
  const first = times[0];
  if (!first) throw badRequest("the webinar has no times");
  const start =
    startsInMinutes === undefined ? first.startTime : Math.floor((now + startsInMinutes * MINUTE) / MINUTE) * MINUTE;
  const shift = start - first.startTime;
  return times.map((t) => {
    const startTime = t.startTime + shift;
    const duration = durationMinutes === undefined ? t.endTime - t.startTime : durationMinutes * MINUTE;
    if (!(duration > 0)) throw badRequest("durationMinutes must be > 0");
    return { startTime, endTime: startTime + duration };
  });
}
