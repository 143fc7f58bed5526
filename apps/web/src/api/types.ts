// The shapes the UI reads, as the API's route schemas document them (GET /docs/json).

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Role = "ADMIN" | "MARKETER";

export interface Me {
  /** `operator`: runs this installation and may open the queue dashboard every account shares. */
  user: { id: string; email: string; name: string | null; role: Role; operator: boolean };
  account: { id: string; name: string };
  csrfToken: string;
}

export type ConnectorStatus = "UNVERIFIED" | "VERIFIED" | "ERROR" | "DISABLED";

export interface Connector {
  id: string;
  name: string;
  connectorUserEmail: string;
  status: ConnectorStatus;
  createProspects: boolean;
  campaign: { id: string; name: string } | null;
  campaignId?: string | null;
  organizerKey: string | null;
  organizerEmail: string | null;
  organizerName: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSyncAt: string | null;
  verifiedAt: string | null;
  webhooksEnabled?: boolean;
  createdAt: string;
}

export interface Campaign {
  id: string;
  name: string;
}

export type WebinarStatus = "SCHEDULED" | "LIVE" | "ENDED" | "CANCELLED";

export interface WebinarReportRow {
  id: string;
  subject: string;
  startsAt: string;
  endsAt: string;
  timeZone: string | null;
  status: WebinarStatus;
  connector: { id: string; name: string };
  registered: number;
  attended: number | null;
  absent: number | null;
  attendanceRate: number | null;
}

export interface WebinarDetail {
  webinar: WebinarReportRow & {
    webinarKey: string;
    description: string | null;
    registrationUrl: string | null;
    finished: boolean;
  };
  sessions: { id: string; sessionKey: string; startsAt: string; endsAt: string; registrantsAttended: number | null }[];
  registrationsPerDay: { date: string; count: number; cumulative: number }[];
  attendance: {
    registered: number;
    attended: number | null;
    absent: number | null;
    totalMinutesAttended: number | null;
    averageMinutesAttended: number | null;
  };
}

export type Segment = "registered" | "attended" | "absent";

export interface WebinarProspect {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  status: "WAITING" | "APPROVED" | "DENIED" | "CANCELLED";
  attended: boolean;
  minutesAttended: number;
  registeredAt: string | null;
}

export interface BulkActionResult {
  affected: number;
  matched: number;
  target: { id: string; name: string };
}

export interface ProspectRow {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  score: number;
  filtered: boolean;
  mergedIntoId: string | null;
  createdAt: string;
}

export type ActivityType =
  | "REGISTERED"
  | "ACCEPTED"
  | "ATTENDED"
  | "CANCELLED"
  | "ABSENT"
  | "ATTENDED_LIVE"
  | "WATCHED_ON_DEMAND"
  | "ASKED_QUESTION"
  | "ANSWERED_POLL"
  | "ANSWERED_SURVEY";

export const PROSPECT_FIELDS = [
  ["company", "Company"],
  ["jobTitle", "Job title"],
  ["phone", "Phone"],
  ["address", "Address"],
  ["city", "City"],
  ["state", "State"],
  ["zipCode", "Zip code"],
  ["country", "Country"],
  ["industry", "Industry"],
  ["numberOfEmployees", "Employees"],
  ["purchasingRole", "Purchasing role"],
  ["purchasingTimeFrame", "Purchasing time frame"],
  ["questionsAndComments", "Questions and comments"],
] as const;

export type ProspectFieldKey = (typeof PROSPECT_FIELDS)[number][0];

export type ProspectDetail = Omit<ProspectRow, "mergedIntoId"> &
  Record<ProspectFieldKey, string | null> & {
    customFields: Record<string, unknown>;
    source: "GOTO_SYNC" | "FORM" | "MANUAL";
    updatedAt: string;
    campaign: { id: string; name: string } | null;
    mergedInto: { id: string; email: string } | null;
    mergedFrom: { id: string; email: string }[];
    lists: { id: string; name: string }[];
    tags: { id: string; name: string }[];
    timeline: {
      id: string;
      type: ActivityType;
      occurredAt: string;
      points: number;
      webinar: { id: string; subject: string };
    }[];
    registrations: {
      id: string;
      webinar: { id: string; subject: string; startsAt: string };
      status: string;
      source: "GOTO" | "FORM" | "WEBHOOK";
      attended: boolean;
      minutesAttended: number;
      registeredAt: string;
      cancelledAt: string | null;
    }[];
    registrationRequests: {
      id: string;
      webinar: { id: string; subject: string };
      status: "PENDING" | "SUCCEEDED" | "FAILED";
      lastError: string | null;
      attempts: number;
      createdAt: string;
      completedAt: string | null;
    }[];
  };

export interface NamedItem {
  id: string;
  name: string;
  createdAt: string;
  /** Lists count members, tags count tagged prospects. */
  memberCount?: number;
  prospectCount?: number;
}

export interface Member {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  addedAt: string;
}

export interface FormField {
  kind: "standard" | "question";
  name: string;
  label: string;
  required: boolean;
  questionKey?: string;
  questionType?: "shortAnswer" | "multipleChoice";
  maxLength?: number;
  options?: { answerKey: string; label: string }[];
}

/** What the editor sends: a standard field by name, or a GoTo custom question by key. */
export interface FormFieldInput {
  name?: string;
  questionKey?: string;
  label?: string;
  required?: boolean;
}

export type CompletionAction =
  | { type: "REGISTER_WEBINAR"; webinarId: string }
  | { type: "ADD_TO_LIST"; listId: string }
  | { type: "ADD_TAG"; tag: string }
  | { type: "ADJUST_SCORE"; points: number };

export interface Form {
  id: string;
  name: string;
  fields: FormField[];
  completionActions: CompletionAction[];
  thankYouMessage: string | null;
  redirectUrl: string | null;
  archivedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
  url?: string;
  hostedUrl?: string;
  submissionCount?: number;
}

export interface WebinarOption {
  id: string;
  subject: string;
  startsAt: string;
  timeZone: string | null;
  connector?: { id: string; name: string };
}

export interface ScoringRule {
  activityType: ActivityType;
  points: number;
}

export interface SyncRun {
  id: string;
  kind: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED" | "ABANDONED";
  connectorId: string | null;
  connector?: { id: string; name: string } | null;
  webinarId: string | null;
  webinar?: { id: string; subject: string } | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  fetched: number;
  created: number;
  updated: number;
  skipped: number;
  apiRequests: number;
  error: string | null;
}

export interface QueueHealth {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: boolean;
}

export interface OpsQueues {
  ok: boolean;
  message?: string;
  queues: QueueHealth[];
  dashboardPath: string;
}

export interface OpsInfo {
  publicUrl: string;
  webhooks: { reachable: boolean; reason: string | null };
}
