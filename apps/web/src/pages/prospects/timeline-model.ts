import type { ProspectDetail } from "@gw/api-contract";

type Activity = ProspectDetail["timeline"][number];

/** One line of the prospect timeline as shown. */
export interface TimelineLine {
  key: string;
  type: Activity["type"] | "FORM_REGISTRATION" | "RULE_REGISTRATION" | "FORM_SUBMISSION";
  occurredAt: string;
  points: number;
  /** Null for a form submission that registered the person for nothing. */
  webinar: Activity["webinar"] | null;
  answers: Activity["answers"];
  /** "Registered and accepted": GoTo accepts most registrations the moment they are made. */
  accepted?: boolean;
  /** For attendance lines: the minutes the person attended. */
  minutes?: number;
  /** For a form's or a rule's registration: where it stands on its way to GoTo. */
  requestStatus?: string;
  /** For a form submission that registered nobody: the form, and why nobody. */
  form?: { id: string; name: string };
  unregistered?: ProspectDetail["unregisteredSubmissions"][number]["reason"];
}

const LABEL: Record<TimelineLine["type"], string> = {
  FORM_REGISTRATION: "Filled in a form to register for",
  RULE_REGISTRATION: "An automation rule registered them for",
  FORM_SUBMISSION: "Filled in the form",
  REGISTERED: "Registered for",
  ACCEPTED: "Registration accepted for",
  ATTENDED: "Attended",
  CANCELLED: "Registration cancelled for",
  ABSENT: "Did not attend",
  ATTENDED_LIVE: "Attended live",
  WATCHED_ON_DEMAND: "Watched on demand",
  ASKED_QUESTION: "Asked a question in",
  ANSWERED_POLL: "Answered a poll in",
  ANSWERED_SURVEY: "Answered the survey of",
};

/** What the line says before the webinar's (or form's) name. */
export function lineLabel(line: Pick<TimelineLine, "type" | "accepted">): string {
  return line.accepted ? "Registered (and accepted) for" : (LABEL[line.type] ?? line.type);
}

/** A registration and its acceptance this close together are one event to the reader. */
const TOGETHER_MS = 5 * 60_000;
const ATTENDANCE = new Set(["ATTENDED", "ATTENDED_LIVE", "WATCHED_ON_DEMAND"]);

/**
 * The activities newest first, with registered + accepted of one webinar folded into one line
 * when they happened together, minutes attended on attendance lines, and the form submissions
 * that registered the person (from the registration requests) as lines of their own, and so are
 * those that registered nobody.
 */
export function timelineLines(
  detail: Pick<ProspectDetail, "timeline" | "registrations" | "registrationRequests"> &
    Partial<Pick<ProspectDetail, "unregisteredSubmissions">>,
) {
  const minutesOf = new Map(detail.registrations.map((r) => [r.webinar.id, r.minutesAttended]));
  const accepted = new Map(detail.timeline.filter((a) => a.type === "ACCEPTED").map((a) => [a.webinar.id, a] as const));
  const folded = new Set<string>();
  const lines: TimelineLine[] = [];
  for (const a of detail.timeline) {
    if (folded.has(a.id)) continue;
    const line: TimelineLine = { ...a, key: a.id };
    if (a.type === "REGISTERED") {
      const acceptance = accepted.get(a.webinar.id);
      if (
        acceptance &&
        Math.abs(new Date(acceptance.occurredAt).getTime() - new Date(a.occurredAt).getTime()) <= TOGETHER_MS
      ) {
        folded.add(acceptance.id);
        line.accepted = true;
        line.points = a.points + acceptance.points;
      }
    }
    if (ATTENDANCE.has(a.type)) {
      const minutes = minutesOf.get(a.webinar.id);
      if (minutes) line.minutes = minutes;
    }
    lines.push(line);
  }
  // The acceptance may come first in the list (newest first): drop it once folded.
  const shown = lines.filter((l) => !(l.type === "ACCEPTED" && folded.has(l.key)));
  for (const r of detail.registrationRequests) {
    shown.push({
      key: `request-${r.id}`,
      type: r.origin === "RULE" ? "RULE_REGISTRATION" : "FORM_REGISTRATION",
      occurredAt: r.createdAt,
      points: 0,
      webinar: r.webinar,
      answers: [],
      requestStatus: r.status,
    });
  }
  for (const s of detail.unregisteredSubmissions ?? []) {
    shown.push({
      key: `submission-${s.id}`,
      type: "FORM_SUBMISSION",
      occurredAt: s.submittedAt,
      points: 0,
      webinar: null,
      answers: [],
      form: s.form,
      unregistered: s.reason,
    });
  }
  return shown.sort((x, y) => new Date(y.occurredAt).getTime() - new Date(x.occurredAt).getTime());
}
