/**
 * GoTo keys are 64-bit integers that the API sometimes writes as bare JSON numbers. JavaScript
 * numbers lose digits past 2^53, so the sim keeps keys as decimal strings and only turns them
 * into JSON numbers at the edge, through `JsonNumber` and `stringify` below.
 */
export class JsonNumber {
  constructor(readonly literal: string) {
    if (!/^-?\d+(\.\d+)?$/.test(literal)) throw new TypeError(`not a number literal: ${literal}`);
  }
}

/** Marks a decimal-string key to be written as a bare JSON number. */
export function num(key: string): JsonNumber {
  return new JsonNumber(key);
}

export function stringify(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join("");
}

function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push("null");
  } else if (value instanceof JsonNumber) {
    out.push(value.literal);
  } else if (typeof value === "string") {
    out.push(JSON.stringify(value));
  } else if (typeof value === "number") {
    out.push(Number.isFinite(value) ? String(value) : "null");
  } else if (typeof value === "boolean") {
    out.push(value ? "true" : "false");
  } else if (value instanceof Date) {
    out.push(JSON.stringify(value.toISOString()));
  } else if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      write(value[i], out);
    }
    out.push("]");
  } else if (typeof value === "object") {
    out.push("{");
    let first = true;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === undefined) continue;
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(key), ":");
      write(item, out);
    }
    out.push("}");
  } else {
    out.push("null");
  }
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
