import { isInteger, isSafeNumber, LosslessNumber, parse, stringify } from "lossless-json";

/**
 * GoTo keys are 64-bit integers, sometimes sent as bare JSON numbers beyond 2^53
 * (docs/gotowebinar-api.md §1). Every response
 * (and every webhook delivery) is parsed here: integers that a JS number cannot hold exactly stay
 * as their decimal string; every other number becomes a plain number. Text is cleaned here too,
 * once for every caller: a NUL (`\u0000`) is dropped and an unpaired surrogate becomes U+FFFD,
 * since Postgres can store neither and refusing GoTo's data would lose a registrant.
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
  if (token.charCodeAt(0) === 34 /* " */) return token.includes("\\u") ? cleanJsonString(token) : token;
  return isSafeNumber(token) ? token : `"${token}"`;
}

const ESCAPE = /\\u([0-9a-fA-F]{4})|\\./g;
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A JSON string literal without `\u0000` escapes and with unpaired surrogate escapes as U+FFFD. */
export function cleanJsonString(literal: string): string {
  const escapes = [...literal.matchAll(ESCAPE)];
  let out = "";
  let from = 0;
  for (let i = 0; i < escapes.length; i++) {
    const found = escapes[i]!;
    if (found[1] === undefined) continue;
    const code = Number.parseInt(found[1], 16);
    let replacement: string | undefined;
    if (code === 0) replacement = "";
    else if (isHigh(code)) {
      const next = escapes[i + 1];
      if (next?.[1] !== undefined && next.index === found.index + 6 && isLow(Number.parseInt(next[1], 16))) {
        i++; // a proper pair: keep both
        continue;
      }
      replacement = "\\ufffd";
    } else if (isLow(code)) replacement = "\\ufffd";
    if (replacement === undefined) continue;
    out += literal.slice(from, found.index) + replacement;
    from = found.index + 6;
  }
  return from === 0 ? literal : out + literal.slice(from);
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
