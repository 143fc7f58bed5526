import type { GotoAttendeeQuestion, GotoClient, GotoPollAnswer, GotoSessionPerformance } from "@gw/gotowebinar";

export type EngagementClient = Pick<
  GotoClient,
  "getWebinarPerformance" | "listSessionQuestions" | "listAttendeePollAnswers" | "listAttendeeSurveyAnswers"
>;

/** What GoTo says about one ended session's engagement. */
export interface SessionEngagement {
  sessionKey: string;
  /** Whether questions and answers were fetched this time (else the stored ones stand). */
  fetched: boolean;
  attendeeCount: number;
  questions: GotoAttendeeQuestion[];
  /** By registrantKey. */
  pollAnswers: Map<string, GotoPollAnswer[]>;
  surveyAnswers: Map<string, GotoPollAnswer[]>;
}

export interface FetchEngagementOptions {
  goto: EngagementClient;
  organizerKey: string | undefined;
  webinarKey: string;
  /** Ask each attendee's poll and survey answers (GoTo has them only per attendee). Default true. */
  attendeeAnswers?: boolean;
  /** The ended sessions, with the registrant keys of their attendees. */
  sessions: { sessionKey: string; attendeeKeys: string[]; synced: { at: Date | null; attendees: number | null } }[];
}

export interface FetchedEngagement {
  performance: Map<string, GotoSessionPerformance>;
  sessions: SessionEngagement[];
}

/**
 * GoTo requests for engagement, as few as the API allows: one performance request per webinar
 * (every session at once); per session, questions (one request, with who asked them) only when
 * performance counts any; poll and survey answers exist only per attendee, so they are asked
 * only for sessions that had polls or surveys. A session already fetched with the same
 * attendees, or one nobody attended, is not fetched again; when no session is left to fetch the
 * performance request is skipped too (later attendance syncs then cost no engagement request).
 */
export async function fetchEngagement(options: FetchEngagementOptions): Promise<FetchedEngagement> {
  const { goto, organizerKey, webinarKey } = options;
  const toFetch = new Set(
    options.sessions
      .filter((session) => {
        const unchanged = session.synced.at !== null && session.synced.attendees === session.attendeeKeys.length;
        return !unchanged && session.attendeeKeys.length > 0;
      })
      .map((session) => session.sessionKey),
  );
  // Nothing to fetch for any session (nobody attended, or the same attendees as last time, whose
  // performance was stored then): the performance request could change nothing either.
  const performance =
    toFetch.size > 0 ? await goto.getWebinarPerformance({ organizerKey, webinarKey }) : new Map<string, never>();
  const sessions = await Promise.all(
    options.sessions.map(async (session): Promise<SessionEngagement> => {
      const result: SessionEngagement = {
        sessionKey: session.sessionKey,
        fetched: false,
        attendeeCount: session.attendeeKeys.length,
        questions: [],
        pollAnswers: new Map(),
        surveyAnswers: new Map(),
      };
      if (!toFetch.has(session.sessionKey)) return result;
      result.fetched = true;
      // Without performance figures for the session, ask rather than miss answers.
      const perf = performance.get(session.sessionKey)?.pollsAndSurveys;
      const ref = { organizerKey, webinarKey, sessionKey: session.sessionKey };
      const perAttendee = options.attendeeAnswers !== false;
      const hasPolls = perAttendee && (!perf || perf.pollCount > 0 || perf.percentagePollsCompleted > 0);
      const hasSurveys = perAttendee && (!perf || perf.surveyCount > 0 || perf.percentageSurveysCompleted > 0);
      const [questions] = await Promise.all([
        !perf || perf.questionsAsked > 0 ? goto.listSessionQuestions(ref) : Promise.resolve([]),
        ...session.attendeeKeys.map(async (registrantKey) => {
          const [polls, surveys] = await Promise.all([
            hasPolls ? goto.listAttendeePollAnswers({ ...ref, registrantKey }) : Promise.resolve([]),
            hasSurveys ? goto.listAttendeeSurveyAnswers({ ...ref, registrantKey }) : Promise.resolve([]),
          ]);
          const answered = (list: GotoPollAnswer[]) => list.filter((a) => a.answers.length > 0);
          if (answered(polls).length > 0) result.pollAnswers.set(registrantKey, answered(polls));
          if (answered(surveys).length > 0) result.surveyAnswers.set(registrantKey, answered(surveys));
        }),
      ]);
      result.questions = questions as GotoAttendeeQuestion[];
      return result;
    }),
  );
  return { performance, sessions };
}
