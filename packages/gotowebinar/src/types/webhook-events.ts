import type { GotoKey, TimeRange } from "./common";

interface WebhookEventBase {
  /** Unique per delivery; use it to drop duplicates (delivery is at-least-once). */
  eventKey: string;
  eventVersion: string;
  product: string;
  /** ISO 8601 */
  timestamp?: string;
}

export interface WebhookQuestionResponse {
  question: string;
  /** e.g. MULTIPLE_CHOICE, MULTIPLE_ANSWER, RATING, SHORT_ANSWER */
  questionType?: string;
  answers: string[];
}

export interface RegistrantAddedEvent extends WebhookEventBase {
  eventName: "registrant.added";
  webinarKey: GotoKey;
  registrantKey: GotoKey;
  webinarCreatorKey?: GotoKey;
  firstName: string;
  lastName: string;
  email: string;
  registrationDate?: string;
  status?: string;
  webinarTitle?: string;
  experienceType?: string;
  recurrenceType?: string;
  /** Present only once the registration is approved. */
  joinUrl?: string;
  phone?: string;
  address?: string;
  city?: string;
  state?: string;
  country?: string;
  zipCode?: string;
  organization?: string;
  jobTitle?: string;
  industry?: string;
  comments?: string;
  numberOfEmployees?: string;
  purchasingRole?: string;
  purchasingTimeFrame?: string;
  registrationSource?: string;
  responses: WebhookQuestionResponse[];
}

/**
 * Every field but webinarKey may be missing (GoTo's published sample has no sessionKey); there
 * is always a registrantKey or an e-mail.
 */
export interface RegistrantJoinedEvent extends WebhookEventBase {
  eventName: "registrant.joined";
  webinarKey: GotoKey;
  sessionKey?: GotoKey;
  registrantKey?: GotoKey;
  registrationDate?: string;
  status?: string;
  joinUrl?: string;
  webinarCreatorKey?: GotoKey;
  firstName: string;
  lastName: string;
  email: string;
  webinarTitle?: string;
  experienceType?: string;
  recurrenceType?: string;
  /** GoTo sends epoch milliseconds; absent when neither joinTime nor timestamp came (use the receipt time). */
  joinTime?: Date;
}

interface WebinarEventFields {
  webinarKey: GotoKey;
  organizerKey?: GotoKey;
  accountKey?: GotoKey;
  recurrenceKey?: GotoKey;
  webinarTitle: string;
  description?: string;
  experienceType?: string;
  recurrenceType?: string;
  times: TimeRange[];
  timeZone?: string;
}

export interface WebinarCreatedEvent extends WebhookEventBase, WebinarEventFields {
  eventName: "webinar.created";
  /** "NEW" */
  status: string;
  webinarCreationDate?: string;
}

export interface WebinarChangedEvent extends WebhookEventBase, WebinarEventFields {
  eventName: "webinar.changed";
  /** UPDATED, or DELETED for a cancelled webinar (there is no webinar.deleted event). */
  status: "UPDATED" | "DELETED" | (string & {});
}

export interface SurveySubmittedEvent extends WebhookEventBase {
  eventName: "survey.submitted";
  webinarKey: GotoKey;
  sessionKey?: GotoKey;
  registrantKey: GotoKey;
  webinarCreatorKey?: GotoKey;
  webinarTitle?: string;
  experienceType?: string;
  surveyName?: string;
  responses: WebhookQuestionResponse[];
}

export type GotoWebhookEvent =
  | RegistrantAddedEvent
  | RegistrantJoinedEvent
  | WebinarCreatedEvent
  | WebinarChangedEvent
  | SurveySubmittedEvent;
