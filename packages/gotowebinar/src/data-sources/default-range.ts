import type { GotoKey } from "../types/common";

export interface PicklistRangeOptions {
  /** Default: the client's account (resolved through getIdentity() when unknown). */
  accountKey?: GotoKey;
  /** Default: one year ago. */
  fromTime?: Date | string;
  /** Default: one year ahead. */
  toTime?: Date | string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

export function rangeOrDefault(options: PicklistRangeOptions, now = Date.now()) {
  return {
    fromTime: options.fromTime ?? new Date(now - YEAR_MS),
    toTime: options.toTime ?? new Date(now + YEAR_MS),
  };
}
