import type { Db } from "@gw/db";
import { type FormDefinition, toFormDefinition } from "./form-definition";
import type { ParsedFormInput } from "./form-input";
import { type LoadRegistrationFields, type PrepareFormOptions, prepareForm } from "./prepare-form";

export interface CreateFormOptions {
  db: Db;
  accountId: string;
  input: ParsedFormInput;
  loadRegistrationFields: LoadRegistrationFields;
  now?: Date;
  /** Who saves the form and the service's own host: see PrepareFormOptions. */
  actor?: PrepareFormOptions["actor"];
  ownHost?: string;
}

export async function createForm(options: CreateFormOptions): Promise<FormDefinition> {
  const prepared = await prepareForm(options);
  const row = await options.db.form.create({ data: { accountId: options.accountId, ...prepared } });
  return toFormDefinition(row);
}
