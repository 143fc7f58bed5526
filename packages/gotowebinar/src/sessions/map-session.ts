import { readFields } from "../http/read-fields";
import { asArray, asRecord, keyOf, num, optKey, str } from "../http/values";
import type { GotoAttendee, GotoSession } from "../types/sessions";

export function mapSession(value: unknown): GotoSession {
  return readFields<GotoSession>(
    value,
    {
      key: ["sessionKey", "webinarKey"],
      optKey: ["accountKey", "creatingOrganizerKey", "startingOrganizerKey"],
      optStr: [
        "webinarName",
        "webinarId",
        "creatingOrganizerName",
        "startingOrganizerName",
        "timeZone",
        "experienceType",
      ],
      str: ["startTime", "endTime"],
      optNum: ["registrantsAttended", "registrantCount", "totalPollCount"],
    },
    { webinarId: ["webinarID", "webinarId"] },
  );
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
