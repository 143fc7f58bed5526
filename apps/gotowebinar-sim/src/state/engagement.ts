import { hashUnit } from "../random";
import { isoSeconds } from "../time";
import { attendeesOf, endedSessions } from "./attendance";
import type { SessionView, Webinar } from "./types";

const MINUTE = 60_000;

export interface QuestionView {
  registrantKey: string;
  email: string;
  question: string;
  askedAt: number;
  answers: Array<{ answer: string; answeredBy: string; answererEmail: string; answerTime: number }>;
}

/**
 * The questions asked in a session: the recorded ones, and for invented attendance about one
 * attendee in five asks one, five minutes after joining (derived from a hash, so repeatable).
 */
export function questionsOf(session: SessionView): QuestionView[] {
  const webinar = session.webinar;
  const questions: QuestionView[] = [];
  const attendees = attendeesOf(session);
  for (const q of webinar.askedQuestions) {
    if (q.sessionIndex !== session.index) continue;
    const registrant = webinar.registrants.get(q.registrantKey);
    if (!registrant) continue;
    questions.push({
      registrantKey: q.registrantKey,
      email: registrant.email,
      question: q.question,
      askedAt: q.askedAt,
      answers: q.answers,
    });
  }
  for (const attendee of attendees) {
    const key = attendee.registrant.registrantKey;
    if (webinar.joins.has(key)) continue;
    if (hashUnit(webinar.attendanceSeed, key, session.index, "question") >= 0.2) continue;
    const first = attendee.intervals[0];
    if (!first) continue;
    questions.push({
      registrantKey: key,
      email: attendee.registrant.email,
      question: `Will the slides of "${webinar.subject}" be shared afterwards?`,
      askedAt: Math.min(first.leaveTime, first.joinTime + 5 * MINUTE),
      answers: [],
    });
  }
  return questions.sort((a, b) => a.askedAt - b.askedAt || a.registrantKey.localeCompare(b.registrantKey));
}

/** GoTo's AttendeeQuestion view. */
export function questionView(q: QuestionView, organizerKey: string, organizerEmail: string): Record<string, unknown> {
  return {
    question: q.question,
    askedBy: q.email,
    askerKey: q.registrantKey,
    dateAsked: isoSeconds(q.askedAt),
    answers: q.answers.map((a) => ({
      answer: a.answer,
      answeredBy: a.answeredBy || organizerKey,
      answererRole: "ORGANIZER",
      answerTime: isoSeconds(a.answerTime),
      answererEmail: a.answererEmail || organizerEmail,
    })),
  };
}

/** One recording per ended session of the webinar (GoTo records sessions as assets). */
export function recordingsOf(
  webinar: Webinar,
  now: number,
  newKey: () => string,
): Array<{ key: string; session: SessionView }> {
  return endedSessions(webinar, now).map((session) => {
    let key = webinar.recordingKeys.get(session.index);
    if (!key) {
      key = newKey();
      webinar.recordingKeys.set(session.index, key);
    }
    return { key, session };
  });
}
