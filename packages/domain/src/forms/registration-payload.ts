import { z } from "zod";
import { type FormDefinition, STANDARD_FIELD_NAMES, STANDARD_FIELDS, type StandardFieldName } from "./form-definition";
import { renderSourceLabel } from "./source-label";
import { isEmptySource, type VisitSource } from "./visit-source";

/** GoTo's optional registrant fields, named as GoTo names them: every standard field but the three it requires. */
type GotoField = Exclude<StandardFieldName, "email" | "firstName" | "lastName">;
const GOTO_FIELDS = STANDARD_FIELD_NAMES.filter(
  (name): name is GotoField => name !== "email" && name !== "firstName" && name !== "lastName",
);

/**
 * What a registration request carries to GoTo: written in the submission's transaction, so the
 * push job needs nothing but this row (the form may change or be archived in between).
 */
export const registrationPayloadSchema = z.object({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  fields: z.partialRecord(z.enum(GOTO_FIELDS), z.string()),
  responses: z.array(
    z.union([
      z.object({ questionKey: z.string(), answerKey: z.string() }),
      z.object({ questionKey: z.string(), responseText: z.string() }),
    ]),
  ),
  /** GoTo's registrant `source`: the account's template over the visit's UTM parameters (else the form's name). */
  source: z.string(),
  /** Where the visit came from (UTM parameters, referrer), kept on the registration; absent in older rows. */
  utm: z.record(z.string(), z.string()).optional(),
});
export type RegistrationPayload = z.infer<typeof registrationPayloadSchema>;

/** Every mapped field the person filled in, and their answers to the webinar's custom questions. */
export function buildRegistrationPayload(
  form: Pick<FormDefinition, "name" | "fields">,
  values: Record<string, string>,
  visit: { source: VisitSource; template: string | null } = { source: {}, template: null },
): RegistrationPayload {
  const fields: RegistrationPayload["fields"] = {};
  const responses: RegistrationPayload["responses"] = [];
  for (const field of form.fields) {
    const value = values[field.name];
    if (!value) continue;
    if (field.kind === "question") {
      responses.push(
        field.questionType === "multipleChoice"
          ? { questionKey: field.questionKey, answerKey: value }
          : { questionKey: field.questionKey, responseText: value },
      );
    } else if ((GOTO_FIELDS as readonly string[]).includes(field.name)) {
      fields[field.name as GotoField] = value;
    }
  }
  return {
    email: values.email ?? "",
    firstName: values.firstName ?? "",
    lastName: values.lastName ?? "",
    fields,
    responses,
    source: renderSourceLabel(visit.template, visit.source, form.name),
    ...(isEmptySource(visit.source) ? {} : { utm: visit.source }),
  };
}

/** The prospect columns a submission fills; blank values never overwrite what is known. */
export function prospectUpdatesFrom(form: Pick<FormDefinition, "fields">, values: Record<string, string>) {
  const columns: Record<string, string> = {};
  const custom: Record<string, string> = {};
  for (const field of form.fields) {
    const value = values[field.name];
    if (!value) continue;
    if (field.kind === "standard") {
      if (field.name !== "email") columns[STANDARD_FIELDS[field.name].column] = value;
    } else {
      custom[field.label] =
        field.questionType === "multipleChoice"
          ? (field.options.find((o) => o.answerKey === value)?.label ?? value)
          : value;
    }
  }
  return { columns, custom };
}
