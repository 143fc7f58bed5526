// The form editor's validation: its values become the body the API takes, checked by the route's
// own schema (`formInputSchema`, from the contract's browser-safe entry point), so the editor
// refuses exactly what the API would and names the same fields.
import type { FormInput } from "@gw/api-contract";
import { formInputSchema } from "@gw/api-contract/forms";
import type { FieldErrors } from "react-hook-form";
import { z } from "zod";
import type { ApiError } from "../../api/client";
import { type EditorValues, isLockedField } from "./form-model";

/** The body of POST /api/forms and PUT /api/forms/:id for the editor's values. */
export function formBody(values: EditorValues): FormInput {
  const finish = values.finish;
  return {
    name: values.name,
    fields: sentFields(values).map(({ row: f }) =>
      f.name
        ? { name: f.name as FormInput["fields"][number]["name"], label: f.label, required: f.required }
        : { questionKey: f.questionKey, label: f.label, required: f.required },
    ),
    completionActions: values.completionActions,
    thankYouMessage: finish === "message" ? values.thankYouMessage.trim() || null : null,
    redirectUrl: finish === "redirect" ? values.redirectUrl.trim() || null : null,
    consents: values.consents,
    campaignId: values.campaignId,
  };
}

/** The rows the body sends (included ones, the registration fields forced on), with their row index. */
function sentFields(values: EditorValues) {
  return values.fields
    .map((row, index) => ({
      index,
      row: isLockedField(row, values.completionActions) ? { ...row, included: true, required: true } : row,
    }))
    .filter(({ row }) => row.included);
}

/**
 * Where in the editor a path of the body points (`fields.2.label` → the row that is the body's third
 * field); the API's field names (`body.name`, or a rule's bare `redirectUrl`) are mapped the same way.
 */
export function editorPath(path: readonly PropertyKey[], values: EditorValues): string {
  const [head, index, ...rest] = path.map(String);
  if (head === "fields" && index !== undefined && /^\d+$/.test(index)) {
    const row = sentFields(values)[Number(index)]?.index;
    if (row !== undefined) return ["fields", String(row), ...rest].join(".");
  }
  return [head, index, ...rest].filter((part) => part !== undefined).join(".");
}

// Words for the marketer where the schema's own are for API callers.
function editorMessage(issue: z.core.$ZodIssue): string {
  const last = issue.path.at(-1);
  if (issue.input === "" && last === "webinarId") return "Choose a webinar";
  if (issue.input === "" && last === "listId") return "Choose a list";
  if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1) return "must not be empty";
  return issue.message;
}

/** react-hook-form's schema: any editor values in, the API's body out, refused as the route refuses it. */
export const formEditorSchema = z.custom<EditorValues>().transform((values, ctx): FormInput => {
  const body = formBody(values);
  const result = formInputSchema.safeParse(body, { reportInput: true });
  if (result.success) return body;
  for (const issue of result.error.issues)
    ctx.addIssue({ code: "custom", message: editorMessage(issue), path: editorPath(issue.path, values).split(".") });
  return z.NEVER;
});

/** The fields a refusal of the API names, as editor paths with their messages. */
export function serverErrorsOf(error: ApiError, values: EditorValues): [string, string][] {
  return error.fields.map((f) => [editorPath(f.field.replace(/^body\./, "").split("."), values), f.message]);
}

/** The first message at `path` or anywhere below it (a refused action, or any one of its fields). */
export function errorAt(errors: FieldErrors<EditorValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return firstMessage(node);
}

function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const { message } = node as { message?: unknown };
  if (typeof message === "string" && message) return message;
  for (const [key, value] of Object.entries(node)) {
    if (key === "ref" || key === "type" || key === "types") continue;
    const found = firstMessage(value);
    if (found) return found;
  }
  return undefined;
}
