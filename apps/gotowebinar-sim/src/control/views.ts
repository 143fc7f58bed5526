import { endedSessions } from "../state/attendance";
import { type Organizer, type Registrant, type Webinar, webinarIdentity } from "../state/types";
import { isoMillis, isoSeconds } from "../time";
import { joinUrl } from "../urls";
import type { ControlRegistrant, ControlWebinar, OrganizerInfo } from "./types";

export function organizerInfo(o: Organizer): OrganizerInfo {
  return {
    organizerKey: o.organizerKey,
    accountKey: o.accountKey,
    accountName: o.accountName,
    email: o.email,
    firstName: o.firstName,
    lastName: o.lastName,
    timeZone: o.timeZone,
  };
}

export function controlWebinar(w: Webinar, now: number): ControlWebinar {
  const ended = new Set(endedSessions(w, now).map((s) => s.index));
  return {
    ...webinarIdentity(w),
    type: w.type,
    approvalType: w.approvalType,
    experienceType: w.experienceType,
    timeZone: w.timeZone,
    times: w.times.map((t) => ({ startTime: isoSeconds(t.startTime), endTime: isoSeconds(t.endTime) })),
    recurrenceKey: w.recurrenceKey,
    sessions: w.times.map((t, i) => ({
      webinarKey: w.webinarKey,
      sessionKey: w.sessionKeys[i] ?? "",
      startTime: isoSeconds(t.startTime),
      endTime: isoSeconds(t.endTime),
      ended: ended.has(i),
    })),
    cancelled: w.cancelled,
    attendanceRatio: w.attendanceRatio,
    registrantCount: w.registrants.size,
    questions: w.questions.map((q) => ({
      questionKey: q.questionKey,
      question: q.question,
      type: q.type,
      required: q.required,
      answers: q.answers.map((a) => ({ ...a })),
    })),
  };
}

export function controlRegistrant(r: Registrant, w: Webinar): ControlRegistrant {
  return {
    registrantKey: r.registrantKey,
    webinarKey: w.webinarKey,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    registrationDate: isoMillis(r.registrationDate),
    status: r.status,
    origin: r.origin,
    joinUrl: joinUrl(w.webinarKey, r.registrantKey),
    late: r.late,
    fields: { ...r.fields } as Record<string, string>,
    responses: r.responses.map((response) => {
      const question = w.questions.find((q) => q.questionKey === response.questionKey);
      return {
        questionKey: response.questionKey,
        question: question?.question ?? "",
        answerKey: response.answerKey,
        answer: question?.answers.find((a) => a.answerKey === response.answerKey)?.answer,
        responseText: response.responseText,
      };
    }),
    joins: (w.joins.get(r.registrantKey) ?? []).map((j) => ({
      sessionKey: w.sessionKeys[j.sessionIndex] ?? "",
      joinTime: isoMillis(j.joinTime),
      leaveTime: j.leaveTime === undefined ? undefined : isoMillis(j.leaveTime),
    })),
  };
}
