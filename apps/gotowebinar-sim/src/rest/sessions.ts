import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SimContext } from "../context";
import { notFound } from "../errors";
import { sendJson } from "../http/reply";
import { attendeesOf, endedSessions, findEndedSession } from "../state/attendance";
import { questionsOf, questionView } from "../state/engagement";
import type { Attendee, Organizer, SessionView, Webinar } from "../state/types";
import { findWebinar } from "../state/webinars";
import { asOrganizer } from "./auth";
import { halPage, type Paging, paging, pathKey, timeRange } from "./params";
import {
  attendeeView,
  participationView,
  pollAnswerOf,
  pollsOf,
  registrantView,
  reportingSession,
  sessionPerformance,
} from "./views";

/** Sessions and attendance (§5): sessions exist only once the sim clock is past their end. */
export function registerSessionRoutes(api: FastifyInstance, ctx: SimContext): void {
  const webinarBase = "/organizers/:organizerKey/webinars/:webinarKey";
  const sessionBase = `${webinarBase}/sessions/:sessionKey`;

  const webinarOf = (request: FastifyRequest) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    return { auth, webinar: findWebinar(ctx, pathKey(request.params, "webinarKey"), auth.organizer.organizerKey) };
  };
  const sessionOf = (request: FastifyRequest) => {
    const { auth, webinar } = webinarOf(request);
    return { auth, session: findEndedSession(webinar, pathKey(request.params, "sessionKey"), ctx.clock.now()) };
  };
  const attendeeOf = (request: FastifyRequest): { session: SessionView; attendee: Attendee } => {
    const { session } = sessionOf(request);
    const registrantKey = pathKey(request.params, "registrantKey");
    const attendee = attendeesOf(session).find((a) => a.registrant.registrantKey === registrantKey);
    if (!attendee) throw notFound(`Attendee with key ${registrantKey} not found in session ${session.sessionKey}`);
    return { session, attendee };
  };

  const sessionPage = (sessions: SessionView[], page: Paging, organizer: Organizer) =>
    halPage(
      "sessionInfoResources",
      sessions,
      page,
      (s) => reportingSession(s, organizer),
      ctx.settings.omitEmptyEmbedded,
    );

  api.get("/organizers/:organizerKey/sessions", async (request, reply) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    const { from, to } = timeRange(request.query);
    const page = paging(request.query, "size");
    const now = ctx.clock.now();
    const sessions = ctx.state
      .webinarsOf(auth.organizer.organizerKey)
      .flatMap((w) => endedSessions(w, now))
      .filter((s) => s.startTime <= to && s.endTime >= from)
      .sort((a, b) => a.startTime - b.startTime);
    return sendJson(reply, 200, sessionPage(sessions, page, auth.organizer));
  });

  api.get(`${webinarBase}/sessions`, async (request, reply) => {
    const { auth, webinar } = webinarOf(request);
    const page = paging(request.query, "size");
    const sessions = endedSessions(webinar, ctx.clock.now());
    return sendJson(reply, 200, sessionPage(sessions, page, auth.organizer));
  });

  api.get(`${webinarBase}/attendees`, async (request, reply) => {
    const { webinar } = webinarOf(request);
    const page = paging(request.query, "size");
    const attendees = endedSessions(webinar, ctx.clock.now()).flatMap((s) => attendeesOf(s));
    return sendJson(
      reply,
      200,
      halPage("attendeeParticipationResponses", attendees, page, participationView, ctx.settings.omitEmptyEmbedded),
    );
  });

  api.get(`${webinarBase}/performance`, async (request, reply) => {
    const { webinar } = webinarOf(request);
    const result: Record<string, unknown> = {};
    for (const s of endedSessions(webinar, ctx.clock.now())) result[s.sessionKey] = sessionPerformance(s);
    return sendJson(reply, 200, result);
  });

  // The spec documents this one as returning the session's attendees (an array), like /attendees.
  api.get(sessionBase, async (request, reply) => {
    const { session } = sessionOf(request);
    return sendJson(reply, 200, attendeesOf(session).map(attendeeView));
  });

  api.get(`${sessionBase}/attendees`, async (request, reply) => {
    const { session } = sessionOf(request);
    return sendJson(reply, 200, attendeesOf(session).map(attendeeView));
  });

  api.get(`${sessionBase}/attendees/:registrantKey`, async (request, reply) => {
    const { session, attendee } = attendeeOf(request);
    return sendJson(reply, 200, registrantView(attendee.registrant, session.webinar));
  });

  api.get(`${sessionBase}/attendees/:registrantKey/polls`, async (request, reply) => {
    const { session, attendee } = attendeeOf(request);
    const answer = pollAnswerOf(attendee.registrant.registrantKey);
    const polls = answer
      ? pollsOf(session).map((poll) => ({ question: poll.question, answers: [answer], answer }))
      : [];
    return sendJson(reply, 200, polls);
  });

  api.get(`${sessionBase}/attendees/:registrantKey/surveys`, async (request, reply) => {
    const { session, attendee } = attendeeOf(request);
    const answers = surveysOf(session.webinar, session.index)
      .filter((s) => s.registrantKey === attendee.registrant.registrantKey)
      .flatMap((s) => s.responses.map((r) => ({ question: r.question, answers: r.answers, answer: r.answers[0] })));
    return sendJson(reply, 200, answers);
  });

  api.get(`${sessionBase}/attendees/:registrantKey/questions`, async (request, reply) => {
    const { auth } = sessionOf(request);
    const { session, attendee } = attendeeOf(request);
    const asked = questionsOf(session).filter((q) => q.registrantKey === attendee.registrant.registrantKey);
    return sendJson(
      reply,
      200,
      asked.map((q) => questionView(q, auth.organizer.organizerKey, auth.organizer.email)),
    );
  });

  api.get(`${sessionBase}/polls`, async (request, reply) => {
    const { session } = sessionOf(request);
    return sendJson(reply, 200, pollsOf(session));
  });

  api.get(`${sessionBase}/surveys`, async (request, reply) => {
    const { session } = sessionOf(request);
    return sendJson(reply, 200, surveySummary(session));
  });

  api.get(`${sessionBase}/questions`, async (request, reply) => {
    const { auth, session } = sessionOf(request);
    return sendJson(
      reply,
      200,
      questionsOf(session).map((q) => questionView(q, auth.organizer.organizerKey, auth.organizer.email)),
    );
  });

  api.get(`${sessionBase}/performance`, async (request, reply) => {
    const { session } = sessionOf(request);
    return sendJson(reply, 200, sessionPerformance(session));
  });
}

function surveysOf(webinar: Webinar, sessionIndex: number) {
  return webinar.surveys.filter((s) => s.sessionIndex === sessionIndex);
}

function surveySummary(session: SessionView): Array<Record<string, unknown>> {
  const byQuestion = new Map<string, string[]>();
  for (const survey of surveysOf(session.webinar, session.index)) {
    for (const response of survey.responses) {
      const list = byQuestion.get(response.question) ?? [];
      list.push(...response.answers);
      byQuestion.set(response.question, list);
    }
  }
  return [...byQuestion.entries()].map(([question, answers]) => {
    const counts = new Map<string, number>();
    for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
    return {
      question,
      numberOfResponses: answers.length,
      responses: [...counts.entries()].map(([text, n]) => ({
        text,
        percentage: Math.round((n / answers.length) * 1000) / 10,
      })),
    };
  });
}
