import type { GotoKey, OrganizerScoped } from "./common";

/** WAITING (awaiting approval), APPROVED or DENIED. */
export type RegistrantStatus = "WAITING" | "APPROVED" | "DENIED" | (string & {});

export interface GotoRegistrant {
  registrantKey: GotoKey;
  firstName: string;
  lastName: string;
  email: string;
  registrationDate?: string;
  status?: RegistrantStatus;
  joinUrl?: string;
  timeZone?: string;
}

export interface GotoRegistrantResponse {
  question: string;
  answer: string;
}

export interface GotoRegistrantDetails extends GotoRegistrant {
  source?: string;
  phone?: string;
  state?: string;
  city?: string;
  organization?: string;
  zipCode?: string;
  numberOfEmployees?: string;
  industry?: string;
  jobTitle?: string;
  purchasingRole?: string;
  implementationTimeFrame?: string;
  purchasingTimeFrame?: string;
  questionsAndComments?: string;
  employeeCount?: string;
  country?: string;
  address?: string;
  /** REGULAR, or LATE for a registration to a past webinar; absent for series. */
  type?: string;
  unsubscribed?: boolean;
  responses: GotoRegistrantResponse[];
}

/** Answer to a custom question: answerKey for multiple choice, responseText otherwise. */
export type RegistrantQuestionResponse =
  | { questionKey: GotoKey; responseText: string; answerKey?: never }
  | { questionKey: GotoKey; answerKey: GotoKey; responseText?: never };

export interface CreateRegistrantOptions extends OrganizerScoped {
  webinarKey: GotoKey;
  firstName: string;
  lastName: string;
  email: string;
  source?: string;
  address?: string;
  city?: string;
  state?: string;
  zipCode?: string;
  country?: string;
  phone?: string;
  organization?: string;
  jobTitle?: string;
  questionsAndComments?: string;
  industry?: string;
  numberOfEmployees?: string;
  purchasingTimeFrame?: string;
  purchasingRole?: string;
  responses?: RegistrantQuestionResponse[];
  /** Resend the confirmation e-mail when the person is re-registered. */
  resendConfirmation?: boolean;
}

export type CreateRegistrantResult =
  | { status: "created"; registrantKey: GotoKey; joinUrl: string }
  /** GoTo answered 409: this e-mail is already registered for the webinar. */
  | { status: "existing"; registrantKey: GotoKey; joinUrl?: string };

export interface RegistrantRef extends OrganizerScoped {
  webinarKey: GotoKey;
  registrantKey: GotoKey;
}

export interface ListRegistrantsOptions extends OrganizerScoped {
  webinarKey: GotoKey;
  /** 0-based. Default 0. */
  page?: number;
  /** 1..200. Default 200. */
  limit?: number;
}

export interface RegistrantPage {
  registrants: GotoRegistrant[];
  total: number;
  page: number;
  limit: number;
  /** Items in this page. */
  pageSize: number;
}

export interface ListAllRegistrantsOptions extends OrganizerScoped {
  webinarKey: GotoKey;
  /**
   * "single-request" (default): GoTo's unpaged call, one request returning the whole list.
   * "paged": 200 per page, every page.
   */
  mode?: "single-request" | "paged";
}

export interface RegistrationField {
  field: string;
  required: boolean;
  maxSize?: number;
  answers?: string[];
}

export interface RegistrationQuestion {
  questionKey: GotoKey;
  question: string;
  required: boolean;
  /** multipleChoice or shortAnswer */
  type: string;
  maxSize?: number;
  answers?: { answerKey: GotoKey; answer: string }[];
}

export interface RegistrationFields {
  fields: RegistrationField[];
  questions: RegistrationQuestion[];
}
