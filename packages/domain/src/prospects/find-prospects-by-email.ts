import type { Db } from "@gw/db";
import { emailKey } from "./normalize-email";

export interface ProspectMatch {
  prospectId: string;
  /** "merged": the e-mail belongs to a merged-away record; prospectId is its surviving master. */
  via: "active" | "merged";
}

export interface FindProspectsByEmailOptions {
  db: Pick<Db, "$queryRaw">;
  accountId: string;
  emails: string[];
}

/**
 * Matches e-mails to prospects of one account in one query, the way a GoTo registrant is
 * matched (Pardot's rule): a prospect with that e-mail that was not merged away wins; else a
 * merged-away one leads, along its chain of merges, to the surviving master.
 * Returns a map keyed by emailKey(); e-mails without a match are absent.
 */
export async function findProspectsByEmail({
  db,
  accountId,
  emails,
}: FindProspectsByEmailOptions): Promise<Map<string, ProspectMatch>> {
  const keys = [...new Set(emails.map(emailKey))];
  const matches = new Map<string, ProspectMatch>();
  if (keys.length === 0) return matches;
  const rows = await db.$queryRaw<{ key: string; prospect_id: string; merged: boolean }[]>`
    WITH RECURSIVE chain AS (
      SELECT lower(p."email") AS key, p."id", p."mergedIntoId", p."mergedIntoId" IS NOT NULL AS merged, 0 AS depth
      FROM "Prospect" p
      WHERE p."accountId" = ${accountId}::uuid AND lower(p."email") = ANY(${keys}::text[])
      UNION ALL
      SELECT chain.key, m."id", m."mergedIntoId", true, chain.depth + 1
      FROM chain JOIN "Prospect" m ON m."id" = chain."mergedIntoId"
      WHERE chain.depth < 20
    )
    SELECT DISTINCT ON (key) key, "id" AS prospect_id, merged
    FROM chain
    WHERE "mergedIntoId" IS NULL
    ORDER BY key, merged, depth, "id"`;
  for (const row of rows) matches.set(row.key, { prospectId: row.prospect_id, via: row.merged ? "merged" : "active" });
  return matches;
}
