import { type Db, type PgQueryDb, type Prisma, pgQuery } from "@gw/db";
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
    const { source, master } = await lockPair(tx, options);
    const counts = await moveHistory(tx, source.id, master.id);
    await absorbProfile(tx, source.id, master.id);
    return counts;
  });

  return {
    master: await getProspectDetail({ db: options.db, accountId: options.accountId, prospectId: options.intoId }),
    moved,
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

type Locked = { id: string; mergedIntoId: string | null };

/** Locks both rows in a fixed order so two opposite merges cannot deadlock or cross. */
async function lockPair(tx: PgQueryDb, options: MergeProspectsOptions): Promise<{ source: Locked; master: Locked }> {
  const locked = await pgQuery<Locked>(
    tx,
    `SELECT "id", "mergedIntoId" FROM "Prospect"
     WHERE "accountId" = $1::uuid AND "id" IN ($2::uuid, $3::uuid)
     ORDER BY "id" FOR UPDATE`,
    [options.accountId, options.prospectId, options.intoId],
  );
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
  return { source, master };
}

/** Set statements over the old record's history: `$1` the master, `$2` the record merged away. */
async function moveHistory(tx: PgQueryDb, sourceId: string, masterId: string): Promise<MergeProspectsResult["moved"]> {
  const count = async (statement: string) =>
    (
      await pgQuery<{ count: number }>(
        tx,
        `WITH moved AS (${statement} RETURNING 1) SELECT count(*)::int AS "count" FROM moved`,
        [masterId, sourceId],
      )
    )[0]?.count ?? 0;
  const registrations = await count(
    `UPDATE "WebinarRegistration" r SET "prospectId" = $1::uuid, "updatedAt" = now()
     WHERE r."prospectId" = $2::uuid
       AND NOT EXISTS (SELECT 1 FROM "WebinarRegistration" m WHERE m."prospectId" = $1::uuid AND m."webinarId" = r."webinarId")`,
  );
  const activities = await count(
    `UPDATE "Activity" a SET "prospectId" = $1::uuid
     WHERE a."prospectId" = $2::uuid
       AND NOT EXISTS (SELECT 1 FROM "Activity" m
                       WHERE m."prospectId" = $1::uuid AND m."webinarId" = a."webinarId" AND m."type" = a."type")`,
  );
  const lists = await count(
    `INSERT INTO "ListMembership" ("listId", "prospectId", "createdAt")
     SELECT "listId", $1::uuid, "createdAt" FROM "ListMembership" WHERE "prospectId" = $2::uuid
     ON CONFLICT DO NOTHING`,
  );
  await pgQuery(tx, `DELETE FROM "ListMembership" WHERE "prospectId" = $1::uuid`, [sourceId]);
  const tags = await count(
    `INSERT INTO "ProspectTag" ("tagId", "prospectId", "createdAt")
     SELECT "tagId", $1::uuid, "createdAt" FROM "ProspectTag" WHERE "prospectId" = $2::uuid
     ON CONFLICT DO NOTHING`,
  );
  await pgQuery(tx, `DELETE FROM "ProspectTag" WHERE "prospectId" = $1::uuid`, [sourceId]);
  return { registrations, activities, lists, tags };
}

/** The master's blanks filled from the old record, scores added, and the old record marked merged. */
async function absorbProfile(tx: Prisma.TransactionClient, sourceId: string, masterId: string): Promise<void> {
  const full = await tx.prospect.findUniqueOrThrow({ where: { id: sourceId } });
  const target = await tx.prospect.findUniqueOrThrow({ where: { id: masterId } });
  const filled: Record<string, string> = {};
  for (const field of FILLABLE) {
    const value = full[field];
    if ((target[field] === null || target[field] === "") && value) filled[field] = value;
  }
  const customFields = { ...asObject(full.customFields), ...asObject(target.customFields) };
  await tx.prospect.update({
    where: { id: masterId },
    data: { ...filled, customFields: customFields as object, score: { increment: full.score } },
  });
  await tx.prospect.update({ where: { id: sourceId }, data: { mergedIntoId: masterId, score: 0 } });
  // Records merged into the old one earlier now point straight at the master: one hop, always.
  await tx.prospect.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: masterId } });
}
