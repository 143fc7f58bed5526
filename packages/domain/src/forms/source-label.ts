import { UTM_KEYS, type VisitSource } from "./visit-source";

/** What GoTo is told as a registrant's `source` when the account has not set a template. */
export const DEFAULT_SOURCE_TEMPLATE = "{utm_source} / {utm_campaign}";
/** The placeholders a template may use. */
export const SOURCE_PLACEHOLDERS = [...UTM_KEYS, "referrer", "referrer_host", "form"] as const;
export type SourcePlaceholder = (typeof SOURCE_PLACEHOLDERS)[number];
export const SOURCE_TEMPLATE_MAX_LENGTH = 200;
/** GoTo caps registrant fields at 128 characters. */
const LABEL_MAX_LENGTH = 128;

const PLACEHOLDER = /\{([^{}]*)\}/g;
// What joins the parts of a label: trimmed from the ends, and collapsed when a part between was empty.
const SEPARATOR = "[\\s/|,;:>·–—-]";
const EDGES = new RegExp(`^${SEPARATOR}+|${SEPARATOR}+$`, "g");
const RUNS = /(\s*[/|,;:>·–—-]\s*)(?:[/|,;:>·–—-]\s*)+/g;

/** Why a template cannot be used, or null when it can. */
export function sourceTemplateProblem(template: string): string | null {
  if (template.trim() === "") return "Enter a template, like {utm_source} / {utm_campaign}";
  if (template.length > SOURCE_TEMPLATE_MAX_LENGTH)
    return `Keep the template to ${SOURCE_TEMPLATE_MAX_LENGTH} characters or fewer (it has ${template.length})`;
  const unknown = [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? "")
    .filter((name) => !(SOURCE_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length > 0)
    return `Unknown placeholder ${unknown.map((n) => `{${n}}`).join(", ")}; use ${SOURCE_PLACEHOLDERS.map((n) => `{${n}}`).join(", ")}`;
  if (!/\{[^{}]*\}/.test(template)) return "Use at least one placeholder, like {utm_source}";
  if (/[{}]/.test(template.replace(PLACEHOLDER, "")))
    return "A brace that opens no placeholder: write placeholders as {utm_source}";
  return null;
}

function hostOf(referrer: string | undefined): string {
  if (!referrer) return "";
  try {
    return new URL(referrer).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/**
 * The registrant `source` told to GoTo and kept on the registration: the template filled from
 * the visit, separators left by empty parts dropped ("google / " → "google"). With none of the
 * template's parts known it falls back to the referring site, then to the form's name, so a
 * registration always says where it came from.
 */
export function renderSourceLabel(template: string | null, source: VisitSource, formName: string): string {
  const values: Record<SourcePlaceholder, string> = {
    utm_source: source.utm_source ?? "",
    utm_medium: source.utm_medium ?? "",
    utm_campaign: source.utm_campaign ?? "",
    utm_term: source.utm_term ?? "",
    utm_content: source.utm_content ?? "",
    referrer: source.referrer ?? "",
    referrer_host: hostOf(source.referrer),
    form: formName,
  };
  const used = template ?? DEFAULT_SOURCE_TEMPLATE;
  const filled = [...used.matchAll(PLACEHOLDER)].some((m) => m[1] !== "form" && values[m[1] as SourcePlaceholder]);
  const label = filled
    ? used
        .replace(PLACEHOLDER, (_, name: SourcePlaceholder) => values[name] ?? "")
        .replace(RUNS, "$1")
        .replace(EDGES, "")
        .replace(/\s+/g, " ")
    : values.referrer_host || formName;
  return (label || "Webinar Sync form").slice(0, LABEL_MAX_LENGTH);
}
