import type { GotoKey, OrganizerScoped } from "./common";

/** GoTo's SessionPerformance: one ended session's attendance, polls, surveys and questions. */
export interface GotoSessionPerformance {
  sessionInfo?: {
    webinarName?: string;
    webinarId?: string;
    sessionKey?: GotoKey;
    timeZone?: string;
    /** CLASSIC, BROADCAST or SIMULIVE. */
    experienceType?: string;
    recurrencePeriod?: string;
    startTime?: string;
    endTime?: string;
    /** GoTo sends these two counts as strings; read as numbers. */
    registrationEmailOpenedCount?: number;
    registrationLinkClickedCount?: number;
  };
  attendance: {
    registrantCount: number;
    percentageAttendance: number;
    /** 1-100, 100 being most interested. */
    averageInterestRating: number;
    averageAttentiveness: number;
    averageAttendanceTimeSeconds: number;
  };
  pollsAndSurveys: {
    pollCount: number;
    /** GoTo documents this as "the percentage of surveys launched" (a float). */
    surveyCount: number;
    questionsAsked: number;
    percentagePollsCompleted: number;
    percentageSurveysCompleted: number;
  };
}

/** A poll or survey question of a session with its result (GoTo's Poll). */
export interface GotoPollResult {
  question: string;
  numberOfResponses: number;
  responses: { text: string; percentage: number }[];
}

/** One attendee's answer to a poll or survey question (GoTo's PollAnswer). */
export interface GotoPollAnswer {
  question: string;
  answers: string[];
}

/** A question an attendee asked (GoTo's AttendeeQuestion). */
export interface GotoAttendeeQuestion {
  question: string;
  /** The asker's e-mail. */
  askedBy: string;
  askerKey?: GotoKey;
  dateAsked?: string;
  answers: {
    answer: string;
    answeredBy?: string;
    answererRole?: string;
    answerTime?: string;
    answererEmail?: string;
  }[];
}

export interface WebinarPerformanceOptions extends OrganizerScoped {
  webinarKey: GotoKey;
}
