import { isInteger, isSafeNumber, LosslessNumber, parse, stringify } from "lossless-json";

/**
 * GoTo keys are 64-bit integers, sometimes sent as bare JSON numbers beyond 2^53
 * (docs/gotowebinar-api.md §1). Every response is parsed here: integers that a JS number cannot hold
 * exactly stay as their decimal string; every other number becomes a plain number.
 */
export function parseJsonLossless(text: string): unknown {
  // Native JSON.parse after quoting the integers it would round: several times faster than a
  // JavaScript parser on the 1,000-registrant lists a sync reads, for the same result.
  try {
    return JSON.parse(text.replace(STRING_OR_LONG_INTEGER, quoteUnsafeInteger));
  } catch {
    // Invalid JSON: lossless-json's parser says where, more precisely than JSON.parse.
    return parse(text, null, parseNumberLossless);
  }
}

/**
 * A JSON string (skipped whole, so digits inside strings are never touched) or an integer of
 * 16+ digits standing alone as a value (not a fraction's or an exponent's digits).
 */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?\d{16,}(?![.eE\d])/g;

function quoteUnsafeInteger(token: string): string {
  return token.charCodeAt(0) === 34 /* " */ || isSafeNumber(token) ? token : `"${token}"`;
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
