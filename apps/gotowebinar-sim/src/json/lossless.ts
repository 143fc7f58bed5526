/**
 * GoTo keys are 64-bit integers that the API sometimes writes as bare JSON numbers. JavaScript
 * numbers lose digits past 2^53, so the sim keeps keys as decimal strings and only turns them
 * into JSON numbers at the edge, through `JsonNumber` and `stringify` below.
 */
import { randomBytes } from "node:crypto";

// JSON.stringify writes each JsonNumber as a string holding this per-process marker, and the
// markers are then unquoted. Native JSON.stringify stays fast for large bodies; the random nonce
// means no string a client sent can pass for a marker.
const NONCE = randomBytes(8).toString("hex");
const MARKER = `\u0000${NONCE}:`;
// JSON.stringify escapes U+0000 as the six characters \u0000, so that is what the output holds.
const QUOTED_MARKER = new RegExp(String.raw`"\\u0000${NONCE}:(-?\d+(?:\.\d+)?)\\u0000"`, "g");

export class JsonNumber {
  constructor(readonly literal: string) {
    if (!/^-?\d+(\.\d+)?$/.test(literal)) throw new TypeError(`not a number literal: ${literal}`);
  }

  toJSON(): string {
    return `${MARKER}${this.literal}\u0000`;
  }
}

/** Marks a decimal-string key to be written as a bare JSON number. */
export function num(key: string): JsonNumber {
  return new JsonNumber(key);
}

export function stringify(value: unknown): string {
  const text = JSON.stringify(value) ?? "null";
  return text.includes(NONCE) ? text.replace(QUOTED_MARKER, "$1") : text;
}

const MAX_SAFE_DIGITS = 15;

/**
 * JSON.parse, except that integer literals too long to be exact as JS numbers arrive as decimal
 * strings (clients send questionKey/answerKey/registrantKey as 19-digit numbers).
 */
export function parseLossless(text: string): unknown {
  let out = "";
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    if (c !== 45 && !isDigit(c)) continue;
    let j = c === 45 ? i + 1 : i;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    const next = text[j];
    if (next === "." || next === "e" || next === "E") {
      while (j < text.length && /[0-9eE+\-.]/.test(text[j] ?? "")) j++;
    } else if (j - i - (c === 45 ? 1 : 0) > MAX_SAFE_DIGITS) {
      out += `${text.slice(copiedUpTo, i)}"${text.slice(i, j)}"`;
      copiedUpTo = j;
    }
    i = j - 1;
  }
  return JSON.parse(copiedUpTo === 0 ? text : out + text.slice(copiedUpTo));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
