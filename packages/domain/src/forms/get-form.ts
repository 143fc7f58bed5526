import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { type FormDefinition, toFormDefinition } from "./form-definition";

export interface GetFormOptions {
  db: Db;
  formId: string;
  /** Scope to one account (the admin API); the hosted page looks a form up by id alone. */
  accountId?: string;
}

export async function getForm(options: GetFormOptions): Promise<FormDefinition> {
  const row = await options.db.form.findFirst({
    where: { id: options.formId, ...(options.accountId ? { accountId: options.accountId } : {}) },
  });
  if (!row) throw notFound("Form", options.formId);
  return toFormDefinition(row);
}
