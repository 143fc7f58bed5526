/** The UTM parameters kept with a submission, in the order reports and templates list them. */
export const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
/** The hidden input carrying the page's referrer from the form's GET to its POST. */
export const REFERRER_FIELD = "referrer";

/** Where a visit came from: UTM parameters and the referring page; only what was present. */
export type VisitSource = Partial<Record<UtmKey | "referrer", string>>;

const UTM_MAX_LENGTH = 200;
const REFERRER_MAX_LENGTH = 2000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to strip them
const CONTROL = /[\u0000-\u001F\u007F]/g;

function clean(raw: unknown, max: number): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string") return undefined;
  const text = value.replace(CONTROL, "").trim().slice(0, max);
  return text === "" ? undefined : text;
}

/** Only http(s) addresses are referrers; the form's own page (a re-shown form) is not. */
function cleanReferrer(raw: unknown, ownFormPrefix: string | undefined): string | undefined {
  const value = clean(raw, REFERRER_MAX_LENGTH);
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    if (ownFormPrefix && url.href.startsWith(ownFormPrefix)) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

export interface VisitSourceInput {
  /** The submitted body (hidden inputs of the hosted page, or an embedding site's own fields). */
  body?: Record<string, unknown>;
  /** The query string of the request (a form URL with ?utm_source=…). */
  query?: Record<string, unknown>;
  /** The Referer header. */
  refererHeader?: string | undefined;
  /** `<PUBLIC_URL>/f/`: a Referer of the hosted form itself says nothing about the visit. */
  ownFormPrefix?: string;
}

/**
 * The visit's source: each UTM parameter from the body, else the query; the referrer from the
 * body (the page the form was opened from), else the Referer header. Values are trimmed, capped
 * and stripped of control characters; a list takes its first value; empty ones are left out.
 */
export function visitSourceFrom(input: VisitSourceInput): VisitSource {
  const source: VisitSource = {};
  for (const key of UTM_KEYS) {
    const value = clean(input.body?.[key], UTM_MAX_LENGTH) ?? clean(input.query?.[key], UTM_MAX_LENGTH);
    if (value) source[key] = value;
  }
  const referrer =
    cleanReferrer(input.body?.[REFERRER_FIELD], input.ownFormPrefix) ??
    cleanReferrer(input.query?.[REFERRER_FIELD], input.ownFormPrefix) ??
    cleanReferrer(input.refererHeader, input.ownFormPrefix);
  if (referrer) source.referrer = referrer;
  return source;
}

export const isEmptySource = (source: VisitSource) => Object.keys(source).length === 0;
