import type { Db } from "@gw/db";
import { conflict, notFound } from "../errors/index";
import { type FormDefinition, toFormDefinition } from "./form-definition";
import type { ParsedFormInput } from "./form-input";
import { type LoadRegistrationFields, type PrepareFormOptions, prepareForm } from "./prepare-form";

export interface UpdateFormOptions {
  db: Db;
  accountId: string;
  formId: string;
  input: ParsedFormInput;
  loadRegistrationFields: LoadRegistrationFields;
  now?: Date;
  /** Who saves the form and the service's own host: see PrepareFormOptions. */
  actor?: PrepareFormOptions["actor"];
  ownHost?: string;
}

/** Replaces a form's definition. Submissions already stored keep the data they were made with. */
export async function updateForm(options: UpdateFormOptions): Promise<FormDefinition> {
  const { db, accountId, formId } = options;
  const existing = await db.form.findFirst({
    where: { id: formId, accountId },
    select: { archivedAt: true, redirectUrl: true },
  });
  if (!existing) throw notFound("Form", formId);
  if (existing.archivedAt) throw conflict(`Form ${formId} is archived and can no longer be changed`);
  const prepared = await prepareForm({ ...options, keptRedirectUrl: existing.redirectUrl });
  const row = await db.form.update({ where: { id: formId }, data: prepared });
  return toFormDefinition(row);
}
