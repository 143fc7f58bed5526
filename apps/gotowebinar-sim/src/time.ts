import { badRequest } from "./errors";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses an ISO 8601 date-time; one without a zone is taken as UTC. Undefined when invalid. */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}

export function requireDateTime(value: unknown, name: string): number {
  if (value === undefined || value === null || value === "") throw badRequest(`${name} is required`);
  const ms = parseDateTime(value);
  if (ms === undefined) {
    throw badRequest(
      `${name} must be an ISO 8601 date-time such as 2020-03-13T10:00:00Z, got ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

/** `2020-03-13T10:00:00Z`: how GoTo writes scheduled times. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** `2019-03-14T18:03:58.317Z`: how GoTo writes event times such as registrationDate. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
