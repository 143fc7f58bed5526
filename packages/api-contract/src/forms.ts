import { z } from "zod";
import { errorBody, type RequestOf, type ResponseOf } from "./common";

/** The fields a form can carry: e-mail, first and last name, and the optional registrant fields GoTo accepts. */
export const STANDARD_FIELD_NAMES = [
  "email",
  "firstName",
  "lastName",
  "organization",
  "jobTitle",
  "phone",
  "address",
  "city",
  "state",
  "zipCode",
  "country",
  "industry",
  "numberOfEmployees",
  "purchasingRole",
  "purchasingTimeFrame",
  "questionsAndComments",
] as const;

/**
 * What an API caller sends to create or replace a form. The same schema drives the route's
 * validation and OpenAPI, so every refusal names the field (`body.fields.2.questionKey`).
 */
const fieldInputSchema = z
  .object({
    /** A standard field; omit for a field mapped to a GoTo custom question. */
    name: z.enum(STANDARD_FIELD_NAMES).optional(),
    /** The GoTo custom question this field answers (from GET /api/forms/webinar-options/:id/questions). */
    questionKey: z
      .string()
      .regex(/^\d{1,20}$/, "must be a GoTo question key (digits)")
      .optional(),
    label: z.string().trim().min(1).max(200).optional(),
    /** Defaults to true for email (prospects are found by it), false otherwise. */
    required: z.boolean().optional(),
  })
  .refine((field) => (field.name === undefined) !== (field.questionKey === undefined), {
    message: "give either name (a standard field) or questionKey (a GoTo custom question), not both",
  });

const uuid = z.uuid("must be a uuid");

const actionInputSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("REGISTER_WEBINAR"),
    webinarId: uuid,
    sessions: z
      .enum(["picked", "all", "choose"])
      .optional()
      .describe(
        "all: every upcoming session of the webinar's series; choose: the visitor picks one upcoming session of the series on the hosted form; picked (default): this session only",
      ),
  }),
  z
    .object({
      type: z.literal("ADD_TO_LIST"),
      listId: uuid.optional(),
      list: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .describe("A list name: the static list of that name, made when missing"),
    })
    .refine((action) => (action.listId === undefined) !== (action.list === undefined), {
      message: "give either listId (an existing list) or list (a list name, created when missing)",
    }),
  z
    .object({ type: z.literal("ADD_TAG"), tagId: uuid.optional(), tag: z.string().trim().min(1).max(100).optional() })
    .refine((action) => (action.tagId === undefined) !== (action.tag === undefined), {
      message: "give either tagId (an existing tag) or tag (a tag name, created when missing)",
    }),
  z.object({
    type: z.literal("ADJUST_SCORE"),
    points: z
      .number()
      .int()
      .min(-1000)
      .max(1000)
      .refine((points) => points !== 0, "must not be 0"),
  }),
]);

const consentInputSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, "must be 1-50 lowercase letters, digits, - or _ (like marketing-emails)")
    .optional()
    .describe("Keys the consent on the prospect; defaults to the text in lowercase with dashes"),
  text: z.string().trim().min(1).max(2000).describe("What the person agrees to, shown beside the checkbox"),
  version: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .describe("Change it when the text changes: the prospect keeps the version they agreed to"),
  required: z.boolean().default(false).describe("A required consent must be ticked to submit the form"),
});

export const formInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  fields: z.array(fieldInputSchema).min(1).max(40),
  thankYouMessage: z.string().trim().min(1).max(2000).nullish(),
  /** Where to send the person after a successful submission, instead of the thank-you message. */
  redirectUrl: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .max(2000)
    .nullish(),
  completionActions: z.array(actionInputSchema).max(20).default([]),
  consents: z.array(consentInputSchema).max(10).default([]).describe("Consent checkboxes, in the order shown"),
  campaignId: uuid
    .nullish()
    .describe("Campaign of the prospects the form creates; null or absent: the account's default campaign"),
});

export const formField = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("standard"),
    name: z.enum(STANDARD_FIELD_NAMES),
    label: z.string(),
    required: z.boolean(),
  }),
  z.object({
    kind: z.literal("question"),
    name: z.string().describe("The input name on the hosted page"),
    label: z.string(),
    required: z.boolean(),
    questionKey: z.string(),
    questionType: z.enum(["shortAnswer", "multipleChoice"]),
    maxLength: z.number().int(),
    options: z.array(z.object({ answerKey: z.string(), label: z.string() })),
  }),
]);

export const completionAction = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("REGISTER_WEBINAR"),
    webinarId: z.string(),
    sessions: z
      .enum(["picked", "all", "choose"])
      .optional()
      .describe("all: every upcoming session of the series; choose: the visitor picks one"),
  }),
  z.object({ type: z.literal("ADD_TO_LIST"), listId: z.string() }),
  z.object({ type: z.literal("ADD_TAG"), tag: z.string() }),
  z.object({ type: z.literal("ADJUST_SCORE"), points: z.number().int() }),
]);

export const formConsent = z.object({
  name: z.string(),
  text: z.string(),
  version: z.string(),
  required: z.boolean(),
});

export const formView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    fields: z.array(formField),
    completionActions: z.array(completionAction),
    consents: z.array(formConsent),
    campaignId: z.uuid().nullable().describe("null: prospects it creates get the account's default campaign"),
    thankYouMessage: z.string().nullable(),
    redirectUrl: z.string().nullable(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    hostedUrl: z.string().describe("The public page of the form"),
  })
  .meta({ id: "Form" });

export const formsQuery = z.object({
  includeArchived: z.enum(["true", "false"]).default("false"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const formStats = z.object({
  views: z
    .number()
    .int()
    .describe("Hosted page views by people (HEAD, prefetches, bots and the editor's preview are not counted)"),
  submissions: z.number().int(),
  registrations: z.number().int().describe("Registrations GoTo Webinar has"),
  pending: z.number().int().describe("Registrations on their way to GoTo Webinar"),
  failures: z.number().int().describe("Registrations GoTo Webinar refused, or that gave up"),
});
export const formListItem = formView.extend({
  stats: formStats,
  names: z
    .object({
      webinars: z.record(z.string(), z.string()).describe("webinar id → subject, for the register action"),
      lists: z.record(z.string(), z.string()).describe("list id → name, for the add-to-list actions"),
    })
    .describe("What the completion actions point at, named"),
});
export const formList = z.object({ forms: z.array(formListItem), total: z.number().int() });

export const webinarOption = z.object({
  id: z.uuid(),
  subject: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string().nullable(),
  connector: z.object({ id: z.uuid(), name: z.string() }),
  series: z
    .object({
      id: z.uuid(),
      subject: z.string(),
      upcomingSessions: z.number().int().describe("upcoming sessions of the series, this one included"),
    })
    .nullable()
    .describe("set when the webinar is a session of a series"),
});
export const webinarOptions = z.object({ webinars: z.array(webinarOption) });

export const webinarQuestionsParams = z.object({ webinarId: z.uuid() });
export const registrationForm = z.object({
  fields: z.array(
    z.object({
      field: z.string(),
      required: z.boolean(),
      maxSize: z.number().optional(),
      answers: z.array(z.string()).optional(),
    }),
  ),
  questions: z.array(
    z.object({
      questionKey: z.string(),
      question: z.string(),
      required: z.boolean(),
      type: z.string(),
      maxSize: z.number().optional(),
      answers: z.array(z.object({ answerKey: z.string(), answer: z.string() })).optional(),
    }),
  ),
});

export const formIdParams = z.object({ formId: z.uuid() });
export const formErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  502: errorBody,
};

export type StandardFieldName = (typeof STANDARD_FIELD_NAMES)[number];
export type FormInput = RequestOf<typeof formInputSchema>;
export type ParsedFormInput = z.output<typeof formInputSchema>;
export type FormFieldInput = FormInput["fields"][number];
export type FormField = ResponseOf<typeof formField>;
export type CompletionAction = ResponseOf<typeof completionAction>;
export type FormConsent = ResponseOf<typeof formConsent>;
export type FormConsentInput = FormInput["consents"] extends (infer C)[] | undefined ? C : never;
export type Form = ResponseOf<typeof formView>;
export type FormList = ResponseOf<typeof formList>;
export type FormListItem = ResponseOf<typeof formListItem>;
export type WebinarOption = ResponseOf<typeof webinarOption>;
export type WebinarOptions = ResponseOf<typeof webinarOptions>;
export type RegistrationForm = ResponseOf<typeof registrationForm>;
