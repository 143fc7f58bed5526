import type { ActivityType, RegistrationSource, SyncKind } from "@gw/db";

/** The webinar fields the sync writes need. */
export interface SyncWebinar {
  id: string;
  accountId: string;
  connectorId: string;
  webinarKey: string;
  /** AUTOMATIC or MANUAL (GoTo's approvalType); null when GoTo did not say. */
  approvalType: string | null;
  startsAt: Date;
  endsAt: Date;
  /** GoTo's isOndemand: attendance is then watched on demand rather than live. */
  isOndemand?: boolean;
}

/** The connector fields the sync writes need. */
export interface SyncConnector {
  id: string;
  accountId: string;
  createProspects: boolean;
  campaignId: string | null;
}

/** A registrant as GoTo lists it (or a webhook delivers it). */
export interface RegistrantInput {
  registrantKey: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  /** ISO date-time or Date; missing → the time we first saw it. */
  registrationDate?: string | Date | null;
  /** WAITING, APPROVED or DENIED. */
  status?: string | null;
  joinUrl?: string | null;
  /**
   * Where the person came from as GoTo reports it (its registration page's `source` parameter:
   * `registrationSource` in registrant.added; the registrants list carries none, and one detail
   * request per registrant is not worth the budget). Kept only where we have no label of our own.
   */
  sourceLabel?: string | null;
}

/** One attendee of one session, as GoTo reports it. */
export interface AttendeeInput {
  registrantKey: string;
  sessionKey: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  attendanceTimeInSeconds: number;
  attendance: { joinTime: string; leaveTime: string }[];
}

export type PointsTable = Record<ActivityType, number>;
export type { RegistrationSource };

/** Counts every sync reports (they end up in the SyncRun). */
export interface SyncCounts {
  fetched: number;
  created: number;
  updated: number;
  skipped: number;
}

/** A sync run that went through: its SyncRun, its counts and the details its kind reports. */
export interface SyncRunDone {
  status: "synced";
  kind: SyncKind;
  runId: string;
  counts: SyncCounts;
  details: Record<string, number>;
}

/** What a sync answers: why it did nothing, or its run and what else its kind reports. */
export type SyncRunResult<Extra> = { status: "skipped"; reason: string } | (SyncRunDone & Extra);
