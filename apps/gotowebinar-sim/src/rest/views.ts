import { num } from "../json/lossless";
import { hashUnit } from "../random";
import { attendeesOf } from "../state/attendance";
import { questionsOf } from "../state/engagement";
import {
  type Attendee,
  type Organizer,
  type Registrant,
  type SessionView,
  type TimeRange,
  type Webinar,
  webinarIdentity,
} from "../state/types";
import { isInSession } from "../state/webinars";
import { isoMillis, isoSeconds } from "../time";
import { joinUrl, registrationUrl } from "../urls";

/**
 * Response shapes, field by field from the spec (SPEC26). Where the spec says int64 the key is
 * a bare JSON number (num); where it says string, a string.
 */

export function timesView(times: TimeRange[]): Array<{ startTime: string; endTime: string }> {
  return times.map((t) => ({ startTime: isoSeconds(t.startTime), endTime: isoSeconds(t.endTime) }));
}

function organizerName(organizer: Organizer | undefined): string {
  return organizer ? `${organizer.firstName} ${organizer.lastName}` : "";
}

/** `Webinar` of the list endpoints; real 2026 output spells the ID `webinarId`. */
export function webinarListItem(w: Webinar): Record<string, unknown> {
  return {
    ...webinarIdentity(w),
    times: timesView(w.times),
    timeZone: w.timeZone,
    locale: w.locale,
    status: "NEW",
    approvalType: w.approvalType,
    registrationUrl: registrationUrl(w.webinarKey),
    impromptu: false,
    isPasswordProtected: w.isPasswordProtected,
    recurrenceType: w.type,
    // Not in the spec's Webinar schema (GoTo names it on create and in webinar.created); sent
    // for series so a client can group the sessions. Clients must cope without it.
    recurrenceKey: w.recurrenceKey,
    experienceType: w.experienceType.toLowerCase(),
    breakoutsAllowed: w.isBreakout,
    isOndemand: w.isOndemand,
  };
}

/** `WebinarByKey` of the get-one endpoint, spelled `webinarID` as in the spec. */
export function webinarByKey(w: Webinar, organizer: Organizer | undefined, now: number): Record<string, unknown> {
  return {
    webinarKey: num(w.webinarKey),
    webinarID: w.webinarId,
    subject: w.subject,
    description: w.description ?? "",
    organizerKey: num(w.organizerKey),
    organizerEmail: organizer?.email ?? "",
    organizerName: organizerName(organizer),
    times: timesView(w.times),
    registrationUrl: registrationUrl(w.webinarKey),
    inSession: isInSession(w, now),
    impromptu: false,
    type: w.type,
    timeZone: w.timeZone,
    numberOfRegistrants: w.registrants.size,
    registrationLimit: w.registrationLimit,
    locale: w.locale,
    accountKey: w.accountKey,
    recurrencePeriod: w.type,
    recurrenceKey: w.recurrenceKey,
    experienceType: w.experienceType.toLowerCase(),
    isPasswordProtected: w.isPasswordProtected,
    isOndemand: w.isOndemand,
  };
}

export function brokerWebinar(w: Webinar, organizer: Organizer | undefined, now: number): Record<string, unknown> {
  return {
    numberOfRegistrants: w.registrants.size,
    times: timesView(w.times),
    description: w.description ?? "",
    subject: w.subject,
    inSession: isInSession(w, now),
    organizerKey: num(w.organizerKey),
    webinarKey: num(w.webinarKey),
    webinarID: w.webinarId,
    timeZone: w.timeZone,
    registrationUrl: registrationUrl(w.webinarKey),
    experienceType: w.experienceType.toLowerCase(),
    coorganizers: w.coorganizers
      .filter((c) => !c.external)
      .map((c) => ({ email: c.email, organizerKey: num(c.memberKey) })),
    organizerEmail: organizer?.email ?? "",
    organizerName: organizerName(organizer),
    impromptu: false,
    isOndemand: w.isOndemand,
  };
}

export function registrantView(r: Registrant, w: Webinar): Record<string, unknown> {
  return {
    lastName: r.lastName,
    email: r.email,
    firstName: r.firstName,
    registrantKey: num(r.registrantKey),
    registrationDate: isoMillis(r.registrationDate),
    status: r.status,
    joinUrl: joinUrl(w.webinarKey, r.registrantKey),
    timeZone: w.timeZone,
  };
}

export function registrantDetailed(r: Registrant, w: Webinar): Record<string, unknown> {
  const f = r.fields;
  return {
    ...registrantView(r, w),
    source: f.source,
    phone: f.phone,
    state: f.state,
    city: f.city,
    organization: f.organization,
    zipCode: f.zipCode,
    numberOfEmployees: f.numberOfEmployees,
    industry: f.industry,
    jobTitle: f.jobTitle,
    purchasingRole: f.purchasingRole,
    implementationTimeFrame: f.purchasingTimeFrame,
    purchasingTimeFrame: f.purchasingTimeFrame,
    questionsAndComments: f.questionsAndComments,
    employeeCount: f.numberOfEmployees,
    country: f.country,
    address: f.address,
    type: w.type === "series" ? undefined : r.late ? "LATE" : "REGULAR",
    unsubscribed: r.unsubscribed,
    responses: responsesView(r, w),
  };
}

export function responsesView(r: Registrant, w: Webinar): Array<{ question: string; answer: string }> {
  return r.responses.map((response) => {
    const question = w.questions.find((q) => q.questionKey === response.questionKey);
    const answer = question?.answers.find((a) => a.answerKey === response.answerKey)?.answer;
    return { question: question?.question ?? "", answer: answer ?? response.responseText ?? "" };
  });
}

export function attendanceView(a: Attendee): Array<{ joinTime: string; leaveTime: string }> {
  return a.intervals.map((i) => ({ joinTime: isoSeconds(i.joinTime), leaveTime: isoSeconds(i.leaveTime) }));
}

export function attendeeView(a: Attendee): Record<string, unknown> {
  return {
    registrantKey: num(a.registrant.registrantKey),
    firstName: a.registrant.firstName,
    lastName: a.registrant.lastName,
    email: a.registrant.email,
    attendanceTimeInSeconds: a.attendanceTimeInSeconds,
    sessionKey: num(a.sessionKey),
    attendance: attendanceView(a),
  };
}

export function participationView(a: Attendee): Record<string, unknown> {
  return {
    registrantKey: num(a.registrant.registrantKey),
    sessionKey: num(a.sessionKey),
    email: a.registrant.email,
    attendanceTimeInSeconds: a.attendanceTimeInSeconds,
    attendance: attendanceView(a),
    firstName: a.registrant.firstName,
    lastName: a.registrant.lastName,
  };
}

export function reportingSession(s: SessionView, organizer: Organizer | undefined): Record<string, unknown> {
  const w = s.webinar;
  return {
    sessionKey: s.sessionKey,
    webinarKey: w.webinarKey,
    webinarName: w.subject,
    startTime: isoSeconds(s.startTime),
    endTime: isoSeconds(s.endTime),
    registrantsAttended: attendeesOf(s).length,
    registrantCount: w.registrants.size,
    accountKey: w.accountKey,
    creatingOrganizerKey: w.organizerKey,
    creatingOrganizerName: organizerName(organizer),
    startingOrganizerKey: w.organizerKey,
    startingOrganizerName: organizerName(organizer),
    totalPollCount: pollsOf(s).length,
    timeZone: w.timeZone,
    experienceType: w.experienceType.toLowerCase(),
    webinarID: w.webinarId,
  };
}

/** One fixed poll per session that had attendees: enough for clients to parse the shape. */
export const POLL_QUESTION = "Is this topic relevant to your work?";

/** An attendee's answer to the session's poll: about seven in ten answer (hash, repeatable). */
export function pollAnswerOf(registrantKey: string): "Yes" | "No" | undefined {
  if (hashUnit(registrantKey, "poll-answered") >= 0.7) return undefined;
  return hashUnit(registrantKey, "poll") < 0.6 ? "Yes" : "No";
}

export function pollsOf(s: SessionView): Array<Record<string, unknown>> {
  const attendees = attendeesOf(s);
  if (attendees.length === 0) return [];
  const answers = attendees.map((a) => pollAnswerOf(a.registrant.registrantKey)).filter((a) => a !== undefined);
  const yes = answers.filter((a) => a === "Yes").length;
  const share = (n: number) => (answers.length ? Math.round((n / answers.length) * 1000) / 10 : 0);
  return [
    {
      question: POLL_QUESTION,
      numberOfResponses: answers.length,
      responses: [
        { text: "Yes", percentage: share(yes) },
        { text: "No", percentage: share(answers.length - yes) },
      ],
    },
  ];
}

function pollCompletion(s: SessionView): number {
  const attendees = attendeesOf(s);
  if (attendees.length === 0) return 0;
  const answered = attendees.filter((a) => pollAnswerOf(a.registrant.registrantKey) !== undefined).length;
  return Math.round((answered / attendees.length) * 10000) / 100;
}

export function sessionPerformance(s: SessionView): Record<string, unknown> {
  const w = s.webinar;
  const attendees = attendeesOf(s);
  const registrants = w.registrants.size;
  const totalSeconds = attendees.reduce((sum, a) => sum + a.attendanceTimeInSeconds, 0);
  const surveys = w.surveys.filter((x) => x.sessionIndex === s.index).length;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    sessionInfo: {
      webinarName: w.subject,
      webinarId: w.webinarId,
      sessionKey: s.sessionKey,
      timeZone: w.timeZone,
      experienceType: w.experienceType,
      recurrencePeriod: w.type,
      startTime: isoSeconds(s.startTime),
      endTime: isoSeconds(s.endTime),
      registrationEmailOpenedCount: String(Math.round(registrants * 0.8)),
      registrationLinkClickedCount: String(Math.round(registrants * 1.5)),
    },
    attendance: {
      registrantCount: registrants,
      percentageAttendance: registrants ? round((attendees.length / registrants) * 100) : 0,
      averageInterestRating: attendees.length ? 72.5 : 0,
      averageAttentiveness: attendees.length ? 81.25 : 0,
      averageAttendanceTimeSeconds: attendees.length ? round(totalSeconds / attendees.length) : 0,
    },
    pollsAndSurveys: {
      pollCount: pollsOf(s).length,
      surveyCount: surveys,
      questionsAsked: questionsOf(s).length,
      percentagePollsCompleted: pollCompletion(s),
      percentageSurveysCompleted: attendees.length ? round((surveys / attendees.length) * 100) : 0,
    },
  };
}
