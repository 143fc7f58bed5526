import { z } from "zod";
import { STANDARD_FIELD_NAMES } from "./form-definition";

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
  z.object({ type: z.literal("REGISTER_WEBINAR"), webinarId: uuid }),
  z.object({ type: z.literal("ADD_TO_LIST"), listId: uuid }),
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
});

export type FormInput = z.input<typeof formInputSchema>;
export type ParsedFormInput = z.output<typeof formInputSchema>;
