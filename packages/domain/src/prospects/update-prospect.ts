import { type Db, Prisma } from "@gw/db";
import { conflict, invalid, notFound } from "../errors/index";
import { getProspectDetail, type ProspectDetail } from "./get-prospect-detail";

import { EDITABLE_PROSPECT_FIELDS, type EditableProspectField } from "./profile-fields";

export { EDITABLE_PROSPECT_FIELDS, type EditableProspectField };

export type ProspectChanges = Partial<Record<EditableProspectField, string | null>> & {
  email?: string;
  filtered?: boolean;
};

export interface UpdateProspectOptions {
  db: Db;
  accountId: string;
  prospectId: string;
  changes: ProspectChanges;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Edits what an admin may edit by hand: the basic fields, the e-mail and the filtered flag. */
export async function updateProspect(options: UpdateProspectOptions): Promise<ProspectDetail> {
  const { db } = options;
  const prospect = await db.prospect.findFirst({
    where: { id: options.prospectId, accountId: options.accountId },
    select: { id: true, mergedIntoId: true },
  });
  if (!prospect) throw notFound("Prospect", options.prospectId);

  const data: Prisma.ProspectUpdateInput = {};
  for (const field of EDITABLE_PROSPECT_FIELDS) {
    const value = options.changes[field];
    if (value === undefined) continue;
    // A blank field is stored as absent, like the sync stores a missing one.
    data[field] = value === null || value.trim() === "" ? null : value.trim();
  }
  if (options.changes.filtered !== undefined) data.filtered = options.changes.filtered;
  if (options.changes.email !== undefined) {
    const email = options.changes.email.trim();
    if (!EMAIL.test(email))
      throw invalid("email", `email "${options.changes.email}" is not an e-mail address`, options.changes.email);
    // Only active records must have distinct e-mails: a merged-away one keeps its old address.
    if (prospect.mergedIntoId === null) await assertEmailFree(db, options.accountId, email, prospect.id);
    data.email = email;
  }
  try {
    await db.prospect.update({ where: { id: prospect.id }, data });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`Another prospect already has the e-mail "${data.email}"`, "email");
    }
    throw error;
  }
  return getProspectDetail(options);
}

async function assertEmailFree(db: Db, accountId: string, email: string, selfId: string) {
  const other = await db.prospect.findFirst({
    where: { accountId, mergedIntoId: null, id: { not: selfId }, email: { equals: email, mode: "insensitive" } },
    select: { id: true },
  });
  if (other)
    throw conflict(`Another prospect (${other.id}) already has the e-mail "${email}"; merge them instead`, "email");
}
