import { z } from "zod";

/**
 * The fields a form can carry. E-mail, first and last name are what GoTo needs to register
 * anyone; the others are the optional registrant fields GoTo accepts (docs/gotowebinar-api.md §4.1),
 * each stored on a prospect column of the same meaning.
 */
export const STANDARD_FIELDS = {
  email: { label: "Email", column: "email", autocomplete: "email", input: "email" },
  firstName: { label: "First name", column: "firstName", autocomplete: "given-name", input: "text" },
  lastName: { label: "Last name", column: "lastName", autocomplete: "family-name", input: "text" },
  organization: { label: "Organization", column: "company", autocomplete: "organization", input: "text" },
  jobTitle: { label: "Job title", column: "jobTitle", autocomplete: "organization-title", input: "text" },
  phone: { label: "Phone", column: "phone", autocomplete: "tel", input: "tel" },
  address: { label: "Address", column: "address", autocomplete: "street-address", input: "text" },
  city: { label: "City", column: "city", autocomplete: "address-level2", input: "text" },
  state: { label: "State / region", column: "state", autocomplete: "address-level1", input: "text" },
  zipCode: { label: "Zip / postal code", column: "zipCode", autocomplete: "postal-code", input: "text" },
  country: { label: "Country", column: "country", autocomplete: "country-name", input: "text" },
  industry: { label: "Industry", column: "industry", autocomplete: "off", input: "text" },
  numberOfEmployees: { label: "Number of employees", column: "numberOfEmployees", autocomplete: "off", input: "text" },
  purchasingRole: { label: "Purchasing role", column: "purchasingRole", autocomplete: "off", input: "text" },
  purchasingTimeFrame: {
    label: "Purchasing time frame",
    column: "purchasingTimeFrame",
    autocomplete: "off",
    input: "text",
  },
  questionsAndComments: {
    label: "Questions and comments",
    column: "questionsAndComments",
    autocomplete: "off",
    input: "textarea",
  },
} as const;

export type StandardFieldName = keyof typeof STANDARD_FIELDS;
export const STANDARD_FIELD_NAMES = Object.keys(STANDARD_FIELDS) as [StandardFieldName, ...StandardFieldName[]];
/** GoTo refuses a registration without these three. */
export const REGISTRATION_REQUIRED_FIELDS = [
  "email",
  "firstName",
  "lastName",
] as const satisfies readonly StandardFieldName[];

/** GoTo caps its registrant fields at 128 characters; custom short answers carry their own size. */
export const FIELD_MAX_LENGTH = 128;
export const COMMENTS_MAX_LENGTH = 1000;

export const isStandardField = (name: string): name is StandardFieldName => Object.hasOwn(STANDARD_FIELDS, name);

/** The input name of a field mapped to a GoTo custom question. */
export const questionFieldName = (questionKey: string) => `q${questionKey}`;

const standardFieldSchema = z.object({
  kind: z.literal("standard"),
  name: z.enum(STANDARD_FIELD_NAMES),
  label: z.string(),
  required: z.boolean(),
});

const questionFieldSchema = z.object({
  kind: z.literal("question"),
  name: z.string(),
  label: z.string(),
  required: z.boolean(),
  questionKey: z.string(),
  /** shortAnswer → text input; multipleChoice → one of `options` (GoTo answer keys). */
  questionType: z.enum(["shortAnswer", "multipleChoice"]),
  maxLength: z.number().int().positive(),
  options: z.array(z.object({ answerKey: z.string(), label: z.string() })),
});

export const storedFieldSchema = z.discriminatedUnion("kind", [standardFieldSchema, questionFieldSchema]);
export type FormField = z.infer<typeof storedFieldSchema>;
export type StandardFormField = z.infer<typeof standardFieldSchema>;
export type QuestionFormField = z.infer<typeof questionFieldSchema>;

export const storedActionSchema = z.discriminatedUnion("type", [
  /**
   * `sessions: "all"` registers for every upcoming session of the picked webinar's series (each
   * session of a GoTo series is a webinar of its own); "choose": the visitor picks one upcoming
   * session on the hosted form; absent or "picked": the picked one only.
   */
  z.object({
    type: z.literal("REGISTER_WEBINAR"),
    webinarId: z.string(),
    sessions: z.enum(["picked", "all", "choose"]).optional(),
  }),
  z.object({ type: z.literal("ADD_TO_LIST"), listId: z.string() }),
  /** Stored by name: the tag is created on first use and survives being deleted and re-created. */
  z.object({ type: z.literal("ADD_TAG"), tag: z.string() }),
  z.object({ type: z.literal("ADJUST_SCORE"), points: z.number().int() }),
]);
export type CompletionAction = z.infer<typeof storedActionSchema>;
export type RegisterWebinarAction = Extract<CompletionAction, { type: "REGISTER_WEBINAR" }>;

/**
 * A consent checkbox. `name` keys the consent on the prospect (a new `version` of the same
 * consent replaces the old one there); the text and version a person saw are kept as given.
 */
export const storedConsentSchema = z.object({
  name: z.string(),
  text: z.string(),
  version: z.string(),
  required: z.boolean(),
});
export type FormConsent = z.infer<typeof storedConsentSchema>;

/** The input name of a consent checkbox on the hosted page (and in a JSON body). */
export const consentFieldName = (name: string) => `consent_${name}`;

/** A form's columns as the domain reads them, its JSON columns parsed. */
export interface FormDefinition {
  id: string;
  accountId: string;
  name: string;
  fields: FormField[];
  completionActions: CompletionAction[];
  consents: FormConsent[];
  /** Campaign of the prospects it creates; null: the account's default campaign. */
  campaignId: string | null;
  thankYouMessage: string | null;
  redirectUrl: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type FormJsonColumn = "fields" | "completionActions" | "consents";

/** A form row as Prisma returns it: the JSON columns not yet parsed. */
export type FormRow = Omit<FormDefinition, FormJsonColumn> & Record<FormJsonColumn, unknown>;

/** Parses the JSON columns; a row written by an older version fails loudly rather than half-works. */
export function toFormDefinition(row: FormRow): FormDefinition {
  return {
    ...row,
    fields: z.array(storedFieldSchema).parse(row.fields),
    completionActions: z.array(storedActionSchema).parse(row.completionActions),
    consents: z.array(storedConsentSchema).parse(row.consents),
  };
}

export const registerActionOf = (form: Pick<FormDefinition, "completionActions">): RegisterWebinarAction | undefined =>
  form.completionActions.find((action): action is RegisterWebinarAction => action.type === "REGISTER_WEBINAR");

export const DEFAULT_THANK_YOU = "Thank you. Your details have been received.";

/** Bots fill every input; people never see this one (off-screen, out of the tab order). */
export const HONEYPOT_FIELD = "website";
/** The hosted form's session choice ("visitor chooses a session" forms): the chosen session's webinar id. */
export const SESSION_FIELD = "session";
/** A hidden field carrying a token per rendered page: a resent page is recognised as one submission. */
export const SUBMISSION_TOKEN_FIELD = "_submission";
