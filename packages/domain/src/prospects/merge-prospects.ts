import type { Db } from "@gw/db";
import { conflict, invalid, notFound } from "../errors/index";
import { getProspectDetail, type ProspectDetail } from "./get-prospect-detail";
import { PROSPECT_PROFILE_FIELDS } from "./profile-fields";

export interface MergeProspectsOptions {
  db: Db;
  accountId: string;
  /** The record that is merged away. */
  prospectId: string;
  /** The master that survives. */
  intoId: string;
}

export interface MergeProspectsResult {
  master: ProspectDetail;
  moved: { registrations: number; activities: number; lists: number; tags: number };
}

// Fields the master keeps when it has them and takes from the merged record when it has not.
const FILLABLE = [...PROSPECT_PROFILE_FIELDS, "campaignId"] as const;

/**
 * Merges one prospect into a master, as Pardot does: the old record stays, marked merged, so a
 * GoTo registrant with its e-mail still finds the master. Its history moves to the master,
 * except a registration for a webinar (or an activity of a type for a webinar) the master
 * already has: that one stays on the old record, still visible from the master's page. Its
 * score is added to the master's, memberships move, and the master's blanks are filled in.
 */
export async function mergeProspects(options: MergeProspectsOptions): Promise<MergeProspectsResult> {
  const { db } = options;
  if (options.prospectId === options.intoId)
    throw invalid("intoId", "a prospect cannot be merged into itself", options.intoId);

  const moved = await db.$transaction(async (tx) => {
    // Lock both rows in a fixed order so two opposite merges cannot deadlock or cross.
    const locked = await tx.$queryRaw<{ id: string; mergedIntoId: string | null }[]>`
      SELECT "id", "mergedIntoId" FROM "Prospect"
      WHERE "accountId" = ${options.accountId}::uuid AND "id" IN (${options.prospectId}::uuid, ${options.intoId}::uuid)
      ORDER BY "id" FOR UPDATE`;
    const source = locked.find((p) => p.id === options.prospectId);
    const master = locked.find((p) => p.id === options.intoId);
    if (!source) throw notFound("Prospect", options.prospectId);
    if (!master) throw notFound("Prospect", options.intoId);
    if (source.mergedIntoId) throw conflict(`Prospect ${source.id} is already merged into ${source.mergedIntoId}`);
    if (master.mergedIntoId) {
      throw conflict(
        `Prospect ${master.id} was merged into ${master.mergedIntoId}; merge into that master instead`,
        "intoId",
      );
    }

    const registrations = await tx.$executeRaw`
      UPDATE "WebinarRegistration" r SET "prospectId" = ${master.id}::uuid, "updatedAt" = now()
      WHERE r."prospectId" = ${source.id}::uuid
        AND NOT EXISTS (SELECT 1 FROM "WebinarRegistration" m WHERE m."prospectId" = ${master.id}::uuid AND m."webinarId" = r."webinarId")`;
    const activities = await tx.$executeRaw`
      UPDATE "Activity" a SET "prospectId" = ${master.id}::uuid
      WHERE a."prospectId" = ${source.id}::uuid
        AND NOT EXISTS (SELECT 1 FROM "Activity" m
                        WHERE m."prospectId" = ${master.id}::uuid AND m."webinarId" = a."webinarId" AND m."type" = a."type")`;
    const lists = await tx.$executeRaw`
      INSERT INTO "ListMembership" ("listId", "prospectId", "createdAt")
      SELECT "listId", ${master.id}::uuid, "createdAt" FROM "ListMembership" WHERE "prospectId" = ${source.id}::uuid
      ON CONFLICT DO NOTHING`;
    await tx.listMembership.deleteMany({ where: { prospectId: source.id } });
    const tags = await tx.$executeRaw`
      INSERT INTO "ProspectTag" ("tagId", "prospectId", "createdAt")
      SELECT "tagId", ${master.id}::uuid, "createdAt" FROM "ProspectTag" WHERE "prospectId" = ${source.id}::uuid
      ON CONFLICT DO NOTHING`;
    await tx.prospectTag.deleteMany({ where: { prospectId: source.id } });

    const full = await tx.prospect.findUniqueOrThrow({ where: { id: source.id } });
    const target = await tx.prospect.findUniqueOrThrow({ where: { id: master.id } });
    const filled: Record<string, string> = {};
    for (const field of FILLABLE) {
      const value = full[field];
      if ((target[field] === null || target[field] === "") && value) filled[field] = value;
    }
    const customFields = { ...asObject(full.customFields), ...asObject(target.customFields) };
    await tx.prospect.update({
      where: { id: master.id },
      data: { ...filled, customFields: customFields as object, score: { increment: full.score } },
    });
    await tx.prospect.update({ where: { id: source.id }, data: { mergedIntoId: master.id, score: 0 } });
    // Records merged into the old one earlier now point straight at the master: one hop, always.
    await tx.prospect.updateMany({ where: { mergedIntoId: source.id }, data: { mergedIntoId: master.id } });
    return { registrations, activities, lists, tags };
  });

  return {
    master: await getProspectDetail({ db: options.db, accountId: options.accountId, prospectId: options.intoId }),
    moved,
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
