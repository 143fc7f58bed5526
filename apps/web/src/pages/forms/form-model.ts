import type { CompletionAction, Form, FormField } from "@gw/api-contract";

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
  action: CompletionAction,
  names: { webinars?: Map<string, string>; lists?: Map<string, string> } = {},
): string {
  switch (action.type) {
    case "REGISTER_WEBINAR":
      return `Register for ${names.webinars?.get(action.webinarId) ?? "a webinar"}${action.sessions === "all" ? " (every upcoming session of its series)" : action.sessions === "choose" ? " (the visitor chooses a session)" : ""}`;
    case "ADD_TO_LIST":
      return `Add to ${names.lists?.get(action.listId) ?? "a list"}`;
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
