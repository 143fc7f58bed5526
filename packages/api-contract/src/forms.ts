import { z } from "zod";
import { errorBody, type ResponseOf } from "./common";
import { STANDARD_FIELD_NAMES } from "./form-input";

export * from "./form-input";

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

export type FormField = ResponseOf<typeof formField>;
export type CompletionAction = ResponseOf<typeof completionAction>;
export type FormConsent = ResponseOf<typeof formConsent>;
export type Form = ResponseOf<typeof formView>;
export type FormList = ResponseOf<typeof formList>;
export type FormListItem = ResponseOf<typeof formListItem>;
export type WebinarOption = ResponseOf<typeof webinarOption>;
export type WebinarOptions = ResponseOf<typeof webinarOptions>;
export type RegistrationForm = ResponseOf<typeof registrationForm>;
