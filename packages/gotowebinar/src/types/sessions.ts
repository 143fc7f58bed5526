import type { PageInfo } from "../http/paging";
import type { GotoKey, OrganizerScoped } from "./common";

/** A completed webinar session (attendance exists only after a session ends). */
export interface GotoSession {
  sessionKey: GotoKey;
  webinarKey: GotoKey;
  webinarName?: string;
  webinarId?: string;
  accountKey?: GotoKey;
  creatingOrganizerKey?: GotoKey;
  creatingOrganizerName?: string;
  startingOrganizerKey?: GotoKey;
  startingOrganizerName?: string;
  timeZone?: string;
  experienceType?: string;
  startTime: string;
  endTime: string;
  registrantsAttended?: number;
  registrantCount?: number;
  totalPollCount?: number;
}

export interface SessionList {
  sessions: GotoSession[];
  page: PageInfo;
}

export interface ListSessionsOptions extends OrganizerScoped {
  webinarKey: GotoKey;
  page?: number;
  size?: number;
  fetchAll?: boolean;
}

export interface ListOrganizerSessionsOptions extends OrganizerScoped {
  fromTime: Date | string;
  toTime: Date | string;
  page?: number;
  size?: number;
  fetchAll?: boolean;
}

export interface AttendanceInterval {
  joinTime: string;
  leaveTime: string;
}

export interface GotoAttendee {
  registrantKey: GotoKey;
  sessionKey: GotoKey;
  firstName: string;
  lastName: string;
  email: string;
  attendanceTimeInSeconds: number;
  attendance: AttendanceInterval[];
}

export interface SessionRef extends OrganizerScoped {
  webinarKey: GotoKey;
  sessionKey: GotoKey;
}

export interface AttendeeRef extends SessionRef {
  registrantKey: GotoKey;
}

export interface ListAttendeesOptions extends OrganizerScoped {
  webinarKey: GotoKey;
  page?: number;
  size?: number;
  fetchAll?: boolean;
}

export interface AttendeeList {
  attendees: GotoAttendee[];
  page: PageInfo;
}
