import type { Db } from "@gw/db";
import { type FormDefinition, toFormDefinition } from "./form-definition";

export interface ListFormsOptions {
  db: Db;
  accountId: string;
  includeArchived?: boolean;
  /** Default 100, at most 500. */
  limit?: number;
  offset?: number;
}

export async function listForms(options: ListFormsOptions): Promise<{ forms: FormDefinition[]; total: number }> {
  const where = { accountId: options.accountId, ...(options.includeArchived ? {} : { archivedAt: null }) };
  const [rows, total] = await Promise.all([
    options.db.form.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: Math.min(options.limit ?? 100, 500),
      skip: options.offset ?? 0,
    }),
    options.db.form.count({ where }),
  ]);
  return { forms: rows.map(toFormDefinition), total };
}
