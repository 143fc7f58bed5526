// The form a client sends to create or replace one, and nothing else: this module is the
// browser-safe entry point `@gw/api-contract/forms`, so the web app's form editor validates with
// the very schemas the route does. It imports only zod; keep it that way (a web test checks it).
import { z } from "zod";

/**
 * GoTo's registrant fields that are prospect columns of the same name, and that an admin may edit
 * on the prospect's page (GoTo's organization is the prospect's company).
 */
export const CONTACT_FIELD_NAMES = [
  "jobTitle",
  "phone",
  "address",
  "city",
  "state",
  "zipCode",
  "country",
  "industry",
] as const;

/** The fields a form can carry: e-mail, first and last name, and the optional registrant fields GoTo accepts. */
export const STANDARD_FIELD_NAMES = [
  "email",
  "firstName",
  "lastName",
  "organization",
  ...CONTACT_FIELD_NAMES,
  "numberOfEmployees",
  "purchasingRole",
  "purchasingTimeFrame",
  "questionsAndComments",
] as const;

/**
 * What an API caller sends to create or replace a form. The same schema drives the route's
 * validation and OpenAPI, so every refusal names the field (`body.fields.2.questionKey`).
 */
export const fieldInputSchema = z
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

export const actionInputSchema = z.discriminatedUnion("type", [
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

export const consentInputSchema = z.object({
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

export type StandardFieldName = (typeof STANDARD_FIELD_NAMES)[number];
/** What a client may send (before defaults): the editor's output. */
export type FormInput = z.input<typeof formInputSchema>;
export type ParsedFormInput = z.output<typeof formInputSchema>;
export type FormFieldInput = FormInput["fields"][number];
export type FormConsentInput = FormInput["consents"] extends (infer C)[] | undefined ? C : never;
