/** In-memory model. Keys are decimal strings; times are epoch milliseconds. */

export interface Organizer {
  organizerKey: string;
  accountKey: string;
  accountName: string;
  email: string;
  firstName: string;
  lastName: string;
  timeZone: string;
  locale: string;
  createTime: number;
}

export interface TimeRange {
  startTime: number;
  endTime: number;
}

export type WebinarType = "single_session" | "series" | "sequence";
export type ApprovalType = "AUTOMATIC" | "MANUAL";
export type ExperienceType = "CLASSIC" | "BROADCAST" | "SIMULIVE";
export type RegistrantStatus = "APPROVED" | "WAITING" | "DENIED";

export interface EmailSettings {
  confirmationEmail?: { enabled?: boolean };
  reminderEmail?: { enabled?: boolean };
  absenteeFollowUpEmail?: { enabled?: boolean };
  attendeeFollowUpEmail?: { enabled?: boolean; includeCertificate?: boolean };
}

export interface RegistrationField {
  field: string;
  required: boolean;
  maxSize: number;
  answers?: string[];
}

export interface Question {
  questionKey: string;
  question: string;
  type: "shortAnswer" | "multipleChoice";
  required: boolean;
  maxSize: number;
  answers: Array<{ answerKey: string; answer: string }>;
}

export interface RegistrantResponse {
  questionKey: string;
  answerKey?: string;
  responseText?: string;
}

/** The optional registration fields of RegistrantFields, in the spec's order. */
export const OPTIONAL_REGISTRANT_FIELDS = [
  "source",
  "address",
  "city",
  "state",
  "zipCode",
  "country",
  "phone",
  "organization",
  "jobTitle",
  "questionsAndComments",
  "industry",
  "numberOfEmployees",
  "purchasingTimeFrame",
  "purchasingRole",
] as const;
export type OptionalRegistrantField = (typeof OPTIONAL_REGISTRANT_FIELDS)[number];

export interface Registrant {
  registrantKey: string;
  webinarKey: string;
  firstName: string;
  lastName: string;
  email: string;
  registrationDate: number;
  status: RegistrantStatus;
  fields: Partial<Record<OptionalRegistrantField, string>>;
  responses: RegistrantResponse[];
  /** How it arrived: the REST API, GoTo's own registration page (control API), or a scenario. */
  origin: "api" | "goto-page" | "scenario";
  late: boolean;
  unsubscribed: boolean;
}

export interface Join {
  sessionIndex: number;
  joinTime: number;
  leaveTime?: number;
}

export interface SurveySubmission {
  registrantKey: string;
  sessionIndex: number;
  surveyName: string;
  submittedAt: number;
  responses: Array<{ question: string; questionType: string; answers: string[] }>;
}

/** A question an attendee asked during a session (recorded through the control API). */
export interface AskedQuestion {
  registrantKey: string;
  sessionIndex: number;
  question: string;
  askedAt: number;
  answers: Array<{ answer: string; answeredBy: string; answererEmail: string; answerTime: number }>;
}

export interface Panelist {
  panelistKey: string;
  name: string;
  email: string;
}

export interface Coorganizer {
  memberKey: string;
  external: boolean;
  givenName: string;
  surname?: string;
  email: string;
}

export interface Webinar {
  webinarKey: string;
  webinarId: string;
  organizerKey: string;
  accountKey: string;
  subject: string;
  description?: string;
  times: TimeRange[];
  /** One per entry of `times`, allocated up front so webhooks can name a session before it ends. */
  sessionKeys: string[];
  timeZone: string;
  locale: string;
  approvalType: ApprovalType;
  type: WebinarType;
  recurrenceKey?: string;
  experienceType: ExperienceType;
  isPasswordProtected: boolean;
  isOndemand: boolean;
  isBreakout: boolean;
  emailSettings: EmailSettings;
  registrationLimit: number;
  createTime: number;
  cancelled: boolean;
  /** Share of registrants the sim invents as attendees once a session has ended (0 = only recorded joins). */
  attendanceRatio: number;
  fields: RegistrationField[];
  questions: Question[];
  registrants: Map<string, Registrant>;
  registrantKeyByEmail: Map<string, string>;
  joins: Map<string, Join[]>;
  surveys: SurveySubmission[];
  askedQuestions: AskedQuestion[];
  /** Recording asset key per session index, allocated when a recording is first listed. */
  recordingKeys: Map<number, string>;
  panelists: Panelist[];
  coorganizers: Coorganizer[];
  audioType: string;
  /** Seeds the invented attendance, so it does not depend on the order of reads. */
  attendanceSeed: number;
  /** Bumped on every change that affects attendance, to invalidate the attendee cache. */
  version: number;
}

export interface SessionView {
  webinar: Webinar;
  index: number;
  sessionKey: string;
  startTime: number;
  endTime: number;
}

export interface Attendee {
  registrant: Registrant;
  sessionKey: string;
  intervals: Array<{ joinTime: number; leaveTime: number }>;
  attendanceTimeInSeconds: number;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  scope: string;
}

export interface AccessToken {
  token: string;
  clientId: string;
  organizerKey: string;
  scope: string;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  organizerKey: string;
  scope: string;
  issuedAt: number;
  revoked: boolean;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  organizerKey: string;
  scope: string;
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
  issuedAccessTokens: string[];
  issuedRefreshTokens: string[];
}

export interface PendingAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  redirectUriSent: boolean;
  state?: string;
  scope: string;
  codeChallenge?: string;
  createdAt: number;
}

export interface SecretKey {
  id: number;
  clientId: string;
  value: string;
  validFrom: number;
}

export type EventName =
  | "registrant.added"
  | "registrant.joined"
  | "webinar.created"
  | "webinar.changed"
  | "survey.submitted";
export const EVENT_NAMES: readonly EventName[] = [
  "registrant.added",
  "registrant.joined",
  "webinar.created",
  "webinar.changed",
  "survey.submitted",
];

export interface Webhook {
  webhookKey: string;
  clientId: string;
  callbackUrl: string;
  eventName: EventName;
  eventVersion: string;
  product: string;
  state: "ACTIVE" | "INACTIVE";
  createTime: number;
}

export interface UserSubscription {
  userSubscriptionKey: string;
  webhookKey: string;
  organizerKey: string;
  clientId: string;
  callbackUrl?: string;
  state: "ACTIVE" | "INACTIVE";
  createTime: number;
}

export interface SentEmail {
  time: number;
  kind: "confirmation" | "webinar-updated" | "cancellation";
  to: string;
  webinarKey: string;
  registrantKey?: string;
}

/** What every view of a webinar starts with, in the control API and in GoTo's own answers alike. */
export type WebinarIdentity = Pick<
  Webinar,
  "webinarKey" | "webinarId" | "organizerKey" | "accountKey" | "subject" | "description"
>;

export function webinarIdentity(w: Webinar): WebinarIdentity {
  const { webinarKey, webinarId, organizerKey, accountKey, subject, description } = w;
  return { webinarKey, webinarId, organizerKey, accountKey, subject, description };
}
