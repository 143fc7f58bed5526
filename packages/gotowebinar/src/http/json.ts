import { isInteger, isSafeNumber, LosslessNumber, parse, stringify } from "lossless-json";

/**
 * GoTo keys are 64-bit integers, sometimes sent as bare JSON numbers beyond 2^53
 * (gotowebinar-api.md §1). Every response is parsed here: integers that a JS number cannot hold
 * exactly stay as their decimal string; every other number becomes a plain number.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, parseNumberLossless);
}

export function parseNumberLossless(value: string): number | string {
  if (isInteger(value) && !isSafeNumber(value)) return value;
  return Number(value);
}

/** Serialises a request body; `int64()` values are written as bare JSON numbers, digit for digit. */
export function stringifyJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError("request body is not JSON-serialisable");
  return text;
}

const DECIMAL_INTEGER = /^-?\d{1,20}$/;

/** Marks a key to be sent as a JSON number (GoTo expects int64 numbers for questionKey/answerKey). */
export function int64(key: string, field: string): LosslessNumber {
  if (!DECIMAL_INTEGER.test(key)) {
    throw new TypeError(`${field} must be a decimal integer key, got ${JSON.stringify(key)}`);
  }
  return new LosslessNumber(key);
}
