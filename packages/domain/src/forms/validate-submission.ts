import {
  COMMENTS_MAX_LENGTH,
  consentFieldName,
  FIELD_MAX_LENGTH,
  type FormConsent,
  type FormDefinition,
  type FormField,
} from "./form-definition";

/** A consent as the person answered it, with the text and version they were shown. */
export interface GivenConsent extends Omit<FormConsent, "required"> {
  given: boolean;
}

export interface SubmissionCheck {
  /** Every field of the form, trimmed, as the person typed it: re-rendered on refusal. */
  values: Record<string, string>;
  /** Field name → what to fix. Empty when the submission is acceptable. */
  errors: Record<string, string>;
  /** Every consent of the form, ticked or not. */
  consents: GivenConsent[];
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
// Control characters (but tab and newlines) never belong in a form field; GoTo refuses some of them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to strip them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A field's value as text. Numbers and booleans (from JSON callers) become their text on purpose;
 * a list or an object is not a value a form field can take, and is refused rather than guessed at.
 */
function text(raw: unknown): string | { refused: string } {
  if (raw === undefined || raw === null) return "";
  if (typeof raw === "string") return raw.replace(CONTROL, "").trim();
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return { refused: Array.isArray(raw) ? "a list" : "an object" };
}

const maxLengthOf = (field: FormField) =>
  field.kind === "question"
    ? field.maxLength
    : field.name === "questionsAndComments"
      ? COMMENTS_MAX_LENGTH
      : FIELD_MAX_LENGTH;

/**
 * Checks what a person sent against the form: required fields, e-mail shape, GoTo's length
 * limits, multiple-choice answers among the question's options, and required consents ticked.
 * Pure: no I/O.
 */
// What a ticked box sends: browsers "on" (or the value attribute), JSON callers true.
const TICKED = new Set(["on", "yes", "true", "1"]);
const isTicked = (raw: unknown) =>
  raw === true || raw === 1 || (typeof raw === "string" && TICKED.has(raw.trim().toLowerCase()));

const shortText = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

export function validateSubmission(
  form: Pick<FormDefinition, "fields"> & Partial<Pick<FormDefinition, "consents">>,
  raw: Record<string, unknown>,
): SubmissionCheck {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of form.fields) {
    const value = text(raw[field.name]);
    if (typeof value !== "string") {
      values[field.name] = "";
      errors[field.name] = `${field.label} must be a single value, not ${value.refused} (send the field once)`;
      continue;
    }
    values[field.name] = value;
    if (value === "") {
      if (field.required) errors[field.name] = `${field.label} is required`;
      continue;
    }
    const max = maxLengthOf(field);
    if (value.length > max) {
      errors[field.name] = `${field.label} must be ${max} characters or fewer (it has ${value.length})`;
    } else if (field.kind === "standard" && field.name === "email" && !EMAIL.test(value)) {
      errors[field.name] = "Enter an email address in the right format, like name@example.com";
    } else if (
      field.kind === "question" &&
      field.questionType === "multipleChoice" &&
      !field.options.some((o) => o.answerKey === value)
    ) {
      errors[field.name] = `Choose one of the options for ${field.label}`;
    }
  }
  const consents = (form.consents ?? []).map(({ required, ...consent }) => {
    const given = isTicked(raw[consentFieldName(consent.name)]);
    if (required && !given)
      errors[consentFieldName(consent.name)] = `Tick the box to agree to "${shortText(consent.text)}" (required)`;
    return { ...consent, given };
  });
  return { values, errors, consents };
}
