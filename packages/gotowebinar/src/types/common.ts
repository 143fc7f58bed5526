/** Every GoTo key (organizer, account, webinar, session, registrant, question, answer, recurrence) is a decimal string: they are 64-bit integers. */
export type GotoKey = string;

/** ISO 8601 UTC date-times as GoTo sends them, e.g. "2020-03-13T10:00:00Z". */
export interface TimeRange {
  startTime: string;
  endTime: string;
}

/** A time range to send; Dates are written as ISO 8601 UTC without milliseconds. */
export interface TimeRangeInput {
  startTime: Date | string;
  endTime: Date | string;
}

export type GotoLocale = "en_US" | "de_DE" | "es_ES" | "fr_FR" | "it_IT" | "zh_CN";

/** Picklist entry of the data sources. */
export interface PicklistEntry {
  label: string;
  key: string;
}

/** Options every organizer-scoped call accepts: the organizer defaults to the client's. */
export interface OrganizerScoped {
  organizerKey?: GotoKey;
}
