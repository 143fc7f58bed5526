import { GotoInputError } from "../http/errors";
import { formatGotoTime } from "../http/transport";
import type { TimeRangeInput } from "../types/common";
import type { WebinarEmailSettingsInput } from "../types/webinars";

export function timeRangeBody(range: TimeRangeInput, field: string): { startTime: string; endTime: string } {
  const startTime = formatGotoTime(range.startTime);
  const endTime = formatGotoTime(range.endTime);
  if (Date.parse(endTime) <= Date.parse(startTime)) {
    throw new GotoInputError(field, `${field}: endTime ${endTime} must be after startTime ${startTime}`);
  }
  return { startTime, endTime };
}

export function timesBody(times: readonly TimeRangeInput[], field = "times") {
  return times.map((range, i) => timeRangeBody(range, `${field}[${i}]`));
}

/** The seed's "Should Send ... Email" flags in GoTo's nested emailSettings shape. */
export function emailSettingsBody(settings: WebinarEmailSettingsInput | undefined) {
  if (!settings) return undefined;
  const body: Record<string, { enabled: boolean; includeCertificate?: boolean }> = {};
  if (settings.confirmationEmail !== undefined) body.confirmationEmail = { enabled: settings.confirmationEmail };
  if (settings.reminderEmail !== undefined) body.reminderEmail = { enabled: settings.reminderEmail };
  if (settings.absenteeFollowUpEmail !== undefined)
    body.absenteeFollowUpEmail = { enabled: settings.absenteeFollowUpEmail };
  if (settings.attendeeFollowUpEmail !== undefined || settings.attendeeFollowUpIncludeCertificate !== undefined) {
    body.attendeeFollowUpEmail = {
      enabled: settings.attendeeFollowUpEmail ?? true,
      ...(settings.attendeeFollowUpIncludeCertificate !== undefined
        ? { includeCertificate: settings.attendeeFollowUpIncludeCertificate }
        : {}),
    };
  }
  return Object.keys(body).length > 0 ? body : undefined;
}
