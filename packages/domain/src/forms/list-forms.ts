import type { Db } from "@gw/db";
import { type FormDefinition, toFormDefinition } from "./form-definition";
import { type NewestFirstWindow, newestFirst } from "./newest-first";

export interface ListFormsOptions extends NewestFirstWindow {
  db: Db;
  accountId: string;
  includeArchived?: boolean;
}

export async function listForms(options: ListFormsOptions): Promise<{ forms: FormDefinition[]; total: number }> {
  const where = { accountId: options.accountId, ...(options.includeArchived ? {} : { archivedAt: null }) };
  const [rows, total] = await Promise.all([
    options.db.form.findMany({ where, ...newestFirst(options) }),
    options.db.form.count({ where }),
  ]);
  return { forms: rows.map(toFormDefinition), total };
}
