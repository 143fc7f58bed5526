import { asArray, asRecord, compact, keyOf, num, optKey, optNum, optStr, str } from "../http/values";
import type { GotoAttendee, GotoSession } from "../types/sessions";

export function mapSession(value: unknown): GotoSession {
  const s = asRecord(value);
  return compact({
    sessionKey: keyOf(s.sessionKey),
    webinarKey: keyOf(s.webinarKey),
    webinarName: optStr(s.webinarName),
    webinarId: optStr(s.webinarID ?? s.webinarId),
    accountKey: optKey(s.accountKey),
    creatingOrganizerKey: optKey(s.creatingOrganizerKey),
    creatingOrganizerName: optStr(s.creatingOrganizerName),
    startingOrganizerKey: optKey(s.startingOrganizerKey),
    startingOrganizerName: optStr(s.startingOrganizerName),
    timeZone: optStr(s.timeZone),
    experienceType: optStr(s.experienceType),
    startTime: str(s.startTime),
    endTime: str(s.endTime),
    registrantsAttended: optNum(s.registrantsAttended),
    registrantCount: optNum(s.registrantCount),
    totalPollCount: optNum(s.totalPollCount),
  });
}

export function mapAttendee(value: unknown, sessionKey?: string): GotoAttendee {
  const a = asRecord(value);
  return {
    registrantKey: keyOf(a.registrantKey),
    sessionKey: optKey(a.sessionKey) ?? sessionKey ?? "",
    firstName: str(a.firstName),
    lastName: str(a.lastName),
    email: str(a.email),
    attendanceTimeInSeconds: num(a.attendanceTimeInSeconds),
    attendance: asArray(a.attendance).map((item) => {
      const interval = asRecord(item);
      return { joinTime: str(interval.joinTime), leaveTime: str(interval.leaveTime) };
    }),
  };
}
