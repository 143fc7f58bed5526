import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { type FormDefinition, toFormDefinition } from "./form-definition";

export interface ArchiveFormOptions {
  db: Db;
  accountId: string;
  formId: string;
  now?: Date;
}

/**
 * Archives a form: its hosted page answers 410 from then on, its submissions and the
 * registrations they caused stay. Archiving twice keeps the first date.
 */
export async function archiveForm(options: ArchiveFormOptions): Promise<FormDefinition> {
  const { db, accountId, formId } = options;
  const existing = await db.form.findFirst({ where: { id: formId, accountId } });
  if (!existing) throw notFound("Form", formId);
  if (existing.archivedAt) return toFormDefinition(existing);
  const row = await db.form.update({ where: { id: formId }, data: { archivedAt: options.now ?? new Date() } });
  return toFormDefinition(row);
}
