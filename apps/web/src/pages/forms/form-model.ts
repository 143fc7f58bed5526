import type { CompletionAction, Form, FormConsentInput, FormField } from "@gw/api-contract";

export type FormsResponse = Form[] | { items: Form[] } | { forms: Form[] };

export function formsOf(data: FormsResponse | undefined): Form[] {
  if (!data) return [];
  if (Array.isArray(data)) return data;
  return "items" in data ? data.items : data.forms;
}

export function hostedUrl(formId: string): string {
  return `${window.location.origin}/f/${formId}`;
}

/** The standard fields GoTo Webinar accepts, in the order a form shows them. */
export const STANDARD_FIELDS: { name: string; label: string }[] = [
  { name: "email", label: "Email" },
  { name: "firstName", label: "First name" },
  { name: "lastName", label: "Last name" },
  { name: "organization", label: "Organization" },
  { name: "jobTitle", label: "Job title" },
  { name: "phone", label: "Phone" },
  { name: "address", label: "Address" },
  { name: "city", label: "City" },
  { name: "state", label: "State / region" },
  { name: "zipCode", label: "Zip / postal code" },
  { name: "country", label: "Country" },
  { name: "industry", label: "Industry" },
  { name: "numberOfEmployees", label: "Number of employees" },
  { name: "purchasingRole", label: "Purchasing role" },
  { name: "purchasingTimeFrame", label: "Purchasing time frame" },
  { name: "questionsAndComments", label: "Questions and comments" },
];

/** GoTo Webinar refuses a registration without these. */
export const REGISTRATION_FIELDS = ["email", "firstName", "lastName"];

export function describeAction(
  action: CompletionAction | ActionDraft,
  names: { webinars?: Map<string, string>; lists?: Map<string, string> } = {},
): string {
  switch (action.type) {
    case "REGISTER_WEBINAR":
      return `Register for ${names.webinars?.get(action.webinarId) ?? "a webinar"}${action.sessions === "all" ? " (every upcoming session of its series)" : action.sessions === "choose" ? " (the visitor chooses a session)" : ""}`;
    case "ADD_TO_LIST":
      return `Add to ${("list" in action && action.list !== undefined ? `a new list “${action.list}”` : undefined) ?? names.lists?.get(action.listId ?? "") ?? "a list"}`;
    case "ADD_TAG":
      return `Tag “${action.tag}”`;
    case "ADJUST_SCORE":
      return `${action.points > 0 ? "+" : ""}${action.points} score`;
  }
}

export interface FieldDraft {
  key: string;
  /** What the field is, whatever its label says. */
  title: string;
  name?: string;
  questionKey?: string;
  label: string;
  required: boolean;
  included: boolean;
}

/** The editor's rows: every standard field (included or not) followed by mapped custom questions. */
export function draftFields(fields: FormField[] | undefined): FieldDraft[] {
  const existing = fields ?? [
    { kind: "standard" as const, name: "email", label: "Email", required: true },
    { kind: "standard" as const, name: "firstName", label: "First name", required: true },
    { kind: "standard" as const, name: "lastName", label: "Last name", required: true },
    { kind: "standard" as const, name: "organization", label: "Organization", required: false },
  ];
  const standard = STANDARD_FIELDS.map((f) => {
    const found = existing.find((e) => e.kind === "standard" && e.name === f.name);
    return {
      key: f.name,
      title: f.label,
      name: f.name,
      label: found?.label ?? f.label,
      required: found?.required ?? false,
      included: Boolean(found),
    };
  });
  const questions = existing
    .filter((e) => e.kind === "question")
    .map((e) => ({
      key: `q-${e.questionKey}`,
      title: "GoTo question",
      questionKey: e.questionKey,
      label: e.label,
      required: e.required,
      included: true,
    }));
  return [...standard, ...questions];
}

/**
 * A completion action as the editor holds it: what the API takes, so the route's schema checks it
 * as it stands. "Add to list" names an existing list by `listId` or a new one by `list` (made when
 * the form is saved), never both.
 */
export type ActionDraft =
  | Extract<CompletionAction, { type: "REGISTER_WEBINAR" | "ADD_TAG" | "ADJUST_SCORE" }>
  | { type: "ADD_TO_LIST"; listId?: string; list?: string };

/** A consent being edited; `name` is kept once saved (it keys the consent on prospects). */
export type ConsentDraft = FormConsentInput;

/** Everything the form editor edits (react-hook-form's values); `formBody` turns it into the API's body. */
export interface EditorValues {
  name: string;
  /** Every standard field (included or not), then the mapped custom questions. */
  fields: FieldDraft[];
  completionActions: ActionDraft[];
  consents: ConsentDraft[];
  /** null: the account's default campaign. */
  campaignId: string | null;
  finish: "message" | "redirect";
  /** Both are kept while the marketer switches between them; only the chosen one is sent. */
  thankYouMessage: string;
  redirectUrl: string;
}

/** The editor's values for a saved form, or a new form's starting point. */
export function editorValuesOf(form: Form | undefined): EditorValues {
  return {
    name: form?.name ?? "Webinar registration",
    fields: draftFields(form?.fields),
    completionActions: form?.completionActions ?? [],
    consents: form?.consents ?? [],
    campaignId: form?.campaignId ?? null,
    finish: form?.redirectUrl ? "redirect" : "message",
    thankYouMessage: form
      ? (form.thankYouMessage ?? "")
      : "Thank you for registering! GoTo Webinar will e-mail you the link to join.",
    redirectUrl: form?.redirectUrl ?? "",
  };
}

/** GoTo needs e-mail, first and last name: with a register action they are always asked, and required. */
export function isLockedField(field: FieldDraft, actions: ActionDraft[]): boolean {
  return Boolean(field.name && REGISTRATION_FIELDS.includes(field.name) && registerActionOf(actions));
}

export function registerActionOf(actions: ActionDraft[]) {
  return actions.find((a): a is Extract<ActionDraft, { type: "REGISTER_WEBINAR" }> => a.type === "REGISTER_WEBINAR");
}
