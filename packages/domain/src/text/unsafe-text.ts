// Text Postgres cannot store: NUL (text and jsonb refuse it) and unpaired UTF-16 surrogates
// (jsonb refuses them, and they are not characters). Input from people and API callers with
// either is refused, naming the field; text from GoTo Webinar is cleaned (see cleanJsonText in
// @gw/gotowebinar) because refusing it would lose a registrant.

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is looked for
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this text cannot be stored, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  const match = UNSAFE.exec(text);
  if (!match) return undefined;
  return match[0] === "\u0000"
    ? "must not contain NUL characters (\\u0000)"
    : "must not contain unpaired UTF-16 surrogates (broken characters)";
}

const MAX_DEPTH = 64;

/**
 * The first string in a parsed body, query or params (keys included) that cannot be stored,
 * with its path (`body.fields.0.label`), or undefined when every string can. Nesting deeper
 * than any of our inputs needs is refused too.
 */
export function findUnsafeText(
  value: unknown,
  path: string,
  depth = 0,
): { field: string; message: string } | undefined {
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    return reason ? { field: path, message: `${path} ${reason}` } : undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  if (depth >= MAX_DEPTH)
    return { field: path, message: `${path} is nested too deeply (more than ${MAX_DEPTH} levels)` };
  for (const [key, inner] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const keyPath = `${path}.${key}`;
    if (typeof key === "string") {
      const reason = unsafeTextReason(key);
      if (reason) return { field: keyPath, message: `a field name in ${path} ${reason}` };
    }
    const found = findUnsafeText(inner, keyPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}
