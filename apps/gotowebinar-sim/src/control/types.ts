import type { FaultSpec, FaultType } from "../faults";
import type { SimOptions } from "../options";
import type { RequestLogEntry, SimStats } from "../request-log";
import type { CreateOrganizerOptions } from "../state/organizers";
import type { Organizer, WebinarIdentity } from "../state/types";
import type { Delivery } from "../webhooks/dispatcher";

export type { Delivery, FaultSpec, FaultType, RequestLogEntry, SimStats };

/** An organizer as the control API answers it (the model without its locale and creation time). */
export type OrganizerInfo = Omit<Organizer, "locale" | "createTime">;

export type CreateOrganizerRequest = CreateOrganizerOptions;

export interface CreateClientRequest {
  clientId: string;
  clientSecret: string;
  redirectUris?: string[];
  name?: string;
}

export interface ClientInfo {
  clientId: string;
  name: string;
  redirectUris: string[];
  scope: string;
}

export interface ScenarioQuestion {
  question: string;
  type?: "shortAnswer" | "multipleChoice";
  required?: boolean;
  answers?: string[];
}

export interface ScenarioWebinar {
  subject?: string;
  description?: string;
  /** Minutes from the sim clock's now to the first session; negative = in the past. */
  startsInMinutes: number;
  durationMinutes?: number;
  registrants?: number;
  /** Share of approved registrants who attend each ended session (default 0.6). */
  attendanceRatio?: number;
  approvalType?: "AUTOMATIC" | "MANUAL";
  type?: "single_session" | "series" | "sequence";
  /** Sessions of a series/sequence (default 3). */
  sessions?: number;
  /** Gap between session starts (default 1440 = daily). */
  sessionIntervalMinutes?: number;
  timeZone?: string;
  experienceType?: "CLASSIC" | "BROADCAST" | "SIMULIVE";
  /** An on-demand webinar (GoTo's isOndemand). */
  isOndemand?: boolean;
  questions?: ScenarioQuestion[];
  /** Standard form fields to make required besides names and e-mail. */
  requiredFields?: string[];
}

export interface ScenarioRequest {
  /** Re-seeds the key generator first, so the same scenario yields the same keys. */
  seed?: number;
  /** Reset everything first. */
  reset?: boolean;
  /** Whose webinars (default organizer when absent). */
  organizerKey?: string;
  /**
   * Draw registrants from this many people (person{n}@example.com), so the same person registers
   * for several webinars. Without it every registrant is unique: person{n}.{webinar}@example.com.
   */
  peoplePool?: number;
  /** Fire webinar.created / registrant.added for what is seeded (default false). */
  fireWebhooks?: boolean;
  webinars: ScenarioWebinar[];
}

export interface SessionInfo {
  /** The session's webinar: its own for each session of a series. */
  webinarKey: string;
  sessionKey: string;
  startTime: string;
  endTime: string;
  /** Whether the sim clock is past its end, i.e. whether the API shows it. */
  ended: boolean;
}

export interface ScenarioWebinarResult {
  index: number;
  /** The first session's webinar; a series has one per session (webinarKeys). */
  webinarKey: string;
  webinarKeys: string[];
  recurrenceKey?: string;
  subject: string;
  times: Array<{ startTime: string; endTime: string }>;
  sessions: SessionInfo[];
  registrantKeys: string[];
  questionKeys: string[];
}

export interface ScenarioResult {
  organizerKey: string;
  accountKey: string;
  webinars: ScenarioWebinarResult[];
}

export interface ClockState {
  now: string;
  frozen: boolean;
}

export interface SetClockRequest {
  now?: string;
  advanceMs?: number;
  frozen?: boolean;
}

export interface ControlWebinar extends WebinarIdentity {
  type: string;
  approvalType: string;
  experienceType: string;
  timeZone: string;
  times: Array<{ startTime: string; endTime: string }>;
  /** Shared by the sessions (webinars) of one series. */
  recurrenceKey?: string;
  sessions: SessionInfo[];
  cancelled: boolean;
  attendanceRatio: number;
  registrantCount: number;
  questions: Array<{
    questionKey: string;
    question: string;
    type: string;
    required: boolean;
    answers: Array<{ answerKey: string; answer: string }>;
  }>;
}

export interface ControlRegistrant {
  registrantKey: string;
  webinarKey: string;
  firstName: string;
  lastName: string;
  email: string;
  registrationDate: string;
  status: string;
  origin: "api" | "goto-page" | "scenario";
  joinUrl: string;
  late: boolean;
  fields: Record<string, string>;
  responses: Array<{
    questionKey: string;
    question: string;
    answerKey?: string;
    answer?: string;
    responseText?: string;
  }>;
  joins: Array<{ sessionKey: string; joinTime: string; leaveTime?: string }>;
}

export interface RegisterRequest {
  firstName: string;
  lastName: string;
  email: string;
  responses?: Array<{ questionKey: string | number; answerKey?: string | number; responseText?: string }>;
  status?: "APPROVED" | "WAITING" | "DENIED";
  [field: string]: unknown;
}

export interface JoinRequest {
  /** Default: the sim clock's now. */
  joinTime?: string;
  leaveTime?: string;
  /** Default: the session running at joinTime, else the next one, else the last. */
  sessionKey?: string;
  /** Send the registrant.joined webhook without sessionKey (GoTo's published sample has none). */
  omitSessionKey?: boolean;
}

export interface QuestionRequest {
  registrantKey: string;
  question: string;
  /** Default: the sim clock's now. */
  askedAt?: string;
  /** Default: the session running at askedAt, else the next one, else the last. */
  sessionKey?: string;
  /** An organizer's answer, given a minute later. */
  answer?: string;
}

export interface JoinResult {
  sessionKey: string;
  joinTime: string;
}

export interface SurveyRequest {
  registrantKey: string;
  sessionKey?: string;
  surveyName?: string;
  responses?: Array<{ question: string; questionType?: string; answers: string[] }>;
}

export interface WebinarPatch {
  subject?: string;
  description?: string;
  times?: Array<{ startTime: string; endTime: string }>;
  /** Moves the schedule so the first session starts this many minutes from now. */
  startsInMinutes?: number;
  durationMinutes?: number;
  attendanceRatio?: number;
  approvalType?: "AUTOMATIC" | "MANUAL";
  questions?: ScenarioQuestion[];
  requiredFields?: string[];
  /** Fire webinar.changed UPDATED when subject, description or times change (default true). */
  publish?: boolean;
}

export interface IssueTokenRequest {
  organizerKey?: string;
  clientId?: string;
  scope?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  refresh_token?: string;
  expires_in: number;
  scope: string;
  principal: string;
  organizer_key?: string;
  account_key?: string;
}

/** The settings a running stand-in may change (POST /_sim/settings): the start options that are not fixed at start. */
export type SettingsPatch = Pick<
  SimOptions,
  | "accessTokenTtlSeconds"
  | "refreshMode"
  | "refreshTokenTtlSeconds"
  | "includeKeysInTokenResponse"
  | "rateLimitPerSecond"
  | "signatureScheme"
  | "autoApprove"
  | "webhookRetryDelaysMs"
  | "duplicateWebhookDeliveries"
  | "requireHttpsCallbacks"
  | "registrantAcceptMode"
  | "omitEmptyEmbedded"
>;

export interface SentEmailInfo {
  time: string;
  kind: string;
  to: string;
  webinarKey: string;
  registrantKey?: string;
}

export interface WebhookStateInfo {
  secretKeys: Array<{ id: number; clientId: string; validFrom: string }>;
  webhooks: Array<Record<string, unknown>>;
  userSubscriptions: Array<Record<string, unknown>>;
}
