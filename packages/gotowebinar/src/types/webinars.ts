import type { PageInfo } from "../http/paging";
import type { GotoKey, GotoLocale, OrganizerScoped, TimeRange, TimeRangeInput } from "./common";

export type WebinarType = "single_session" | "series" | "sequence";
export type ExperienceType = "CLASSIC" | "BROADCAST" | "SIMULIVE";

/** A webinar as listed (`/organizers/{k}/webinars`, `/accounts/{k}/webinars`). */
export interface GotoWebinar {
  webinarKey: GotoKey;
  /** The 9-digit webinar ID; GoTo spells it webinarID or webinarId, both are read. */
  webinarId: string;
  organizerKey: GotoKey;
  accountKey?: GotoKey;
  subject: string;
  description?: string;
  times: TimeRange[];
  timeZone?: string;
  locale?: string;
  /** e.g. "NEW" */
  status?: string;
  /** AUTOMATIC or MANUAL */
  approvalType?: string;
  registrationUrl?: string;
  impromptu?: boolean;
  isPasswordProtected?: boolean;
  /** single_session, series or sequence */
  recurrenceType?: string;
  /**
   * Groups the sessions of a series (each session has its own webinarKey). GoTo names it on
   * create and in webinar.created; the spec's list schema does not promise it, so it may be absent.
   */
  recurrenceKey?: GotoKey;
  /** Whether attendees watch it on demand. */
  isOndemand?: boolean;
  /** classic, broadcast or simulive (GoTo answers lowercase) */
  experienceType?: string;
  breakoutsAllowed?: boolean;
  registrationSettingsKey?: string;
  omid?: string;
}

/** One webinar by key (`GET /organizers/{k}/webinars/{wk}`). */
export interface GotoWebinarDetails extends GotoWebinar {
  organizerEmail?: string;
  organizerName?: string;
  inSession?: boolean;
  /** single_session, series or sequence */
  type?: string;
  recurrencePeriod?: string;
  numberOfRegistrants?: number;
  registrationLimit?: number;
}

export interface WebinarList {
  webinars: GotoWebinar[];
  /** For fetchAll: the totals of the last page read, with `number` = pages read - 1. */
  page: PageInfo;
}

export interface ListWebinarsOptions extends OrganizerScoped {
  /** List the whole account's webinars instead of one organizer's. */
  accountKey?: GotoKey;
  fromTime: Date | string;
  toTime: Date | string;
  /** 0-based; ignored with fetchAll. */
  page?: number;
  /** 1..200; fetchAll always uses 200. */
  size?: number;
  fetchAll?: boolean;
}

export interface WebinarEmailSettingsInput {
  confirmationEmail?: boolean;
  reminderEmail?: boolean;
  absenteeFollowUpEmail?: boolean;
  attendeeFollowUpEmail?: boolean;
  /** Attach a certificate to the attendee follow-up e-mail. */
  attendeeFollowUpIncludeCertificate?: boolean;
}

interface CreateWebinarCommon extends OrganizerScoped {
  /** ≤128 characters */
  subject: string;
  /** ≤2048 characters */
  description?: string;
  /** IANA zone; GoTo defaults to the organizer's profile zone. */
  timeZone?: string;
  locale?: GotoLocale;
  isPasswordProtected?: boolean;
  isOndemand?: boolean;
  isBreakout?: boolean;
  experienceType?: ExperienceType;
  /** Source recording of a SIMULIVE webinar. */
  recordingAssetKey?: string;
  emailSettings?: WebinarEmailSettingsInput;
}

export type CreateWebinarOptions = CreateWebinarCommon &
  (
    | { type?: "single_session"; times: [TimeRangeInput] | TimeRangeInput[] }
    | { type: "series"; times: TimeRangeInput[] }
    | {
        type: "sequence";
        recurrenceStart: TimeRangeInput;
        recurrencePattern: "daily" | "weekly" | "monthly";
        /** "YYYY-MM-DD" */
        recurrenceEnd: string;
      }
  );

export interface CreatedWebinar {
  webinarKey: GotoKey;
  /** Series only. */
  recurrenceKey?: GotoKey;
}

export interface UpdateWebinarOptions extends OrganizerScoped {
  webinarKey: GotoKey;
  notifyParticipants?: boolean;
  subject?: string;
  description?: string;
  /** Replaces the whole schedule: send every session's times. */
  times?: TimeRangeInput[];
  timeZone?: string;
  locale?: GotoLocale;
  emailSettings?: WebinarEmailSettingsInput;
}

export interface CancelWebinarOptions extends OrganizerScoped {
  webinarKey: GotoKey;
  /** Series/sequence: delete every scheduled session (GoTo's default true). */
  deleteAll?: boolean;
  /** GoTo's default false. */
  sendCancellationEmails?: boolean;
}

export interface ListInSessionWebinarsOptions extends OrganizerScoped {
  fromTime?: Date | string;
  toTime?: Date | string;
}
