import { asArray, asRecord, compact, keyOf, optBool, optKey, optNum, optStr, str } from "../http/values";
import type { TimeRange } from "../types/common";
import type { GotoWebinar, GotoWebinarDetails } from "../types/webinars";

export function mapTimes(value: unknown): TimeRange[] {
  return asArray(value).map((item) => {
    const t = asRecord(item);
    return { startTime: str(t.startTime), endTime: str(t.endTime) };
  });
}

export function mapWebinar(value: unknown): GotoWebinar {
  const w = asRecord(value);
  return compact({
    webinarKey: keyOf(w.webinarKey),
    webinarId: str(w.webinarID ?? w.webinarId),
    organizerKey: keyOf(w.organizerKey),
    accountKey: optKey(w.accountKey),
    subject: str(w.subject),
    description: optStr(w.description),
    times: mapTimes(w.times),
    timeZone: optStr(w.timeZone),
    locale: optStr(w.locale),
    status: optStr(w.status),
    approvalType: optStr(w.approvalType),
    registrationUrl: optStr(w.registrationUrl),
    impromptu: optBool(w.impromptu),
    isPasswordProtected: optBool(w.isPasswordProtected),
    recurrenceType: optStr(w.recurrenceType),
    recurrenceKey: optKey(w.recurrenceKey),
    isOndemand: optBool(w.isOndemand),
    experienceType: optStr(w.experienceType),
    breakoutsAllowed: optBool(w.breakoutsAllowed),
    registrationSettingsKey: optKey(w.registrationSettingsKey),
    omid: optStr(w.omid),
  });
}

export function mapWebinarDetails(value: unknown): GotoWebinarDetails {
  const w = asRecord(value);
  return compact({
    ...mapWebinar(w),
    organizerEmail: optStr(w.organizerEmail),
    organizerName: optStr(w.organizerName),
    inSession: optBool(w.inSession),
    type: optStr(w.type),
    recurrenceType: optStr(w.recurrenceType ?? w.type),
    recurrencePeriod: optStr(w.recurrencePeriod),
    numberOfRegistrants: optNum(w.numberOfRegistrants),
    registrationLimit: optNum(w.registrationLimit),
  });
}
