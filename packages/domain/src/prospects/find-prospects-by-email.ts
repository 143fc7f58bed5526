import { type PgQueryDb, pgQuery } from "@gw/db";
import { emailKey } from "./normalize-email";

export interface ProspectMatch {
  prospectId: string;
  /** "merged": the e-mail belongs to a merged-away record; prospectId is its surviving master. */
  via: "active" | "merged";
}

export interface FindProspectsByEmailOptions {
  db: PgQueryDb;
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
  const rows = await pgQuery<{ key: string; prospectId: string; merged: boolean }>(
    db,
    `
    WITH RECURSIVE chain AS (
      SELECT k.key, p."id", p."mergedIntoId", p."mergedIntoId" IS NOT NULL AS merged, 0 AS depth
      FROM unnest($2::text[]) AS k(key)
      -- One index probe per e-mail: OFFSET 0 keeps the planner from turning this into a scan
      -- of every prospect of the account, which it prefers once the account is large.
      CROSS JOIN LATERAL (
        SELECT "id", "mergedIntoId" FROM "Prospect"
        WHERE "accountId" = $1::uuid AND lower("email") = k.key
        OFFSET 0
      ) p
      UNION ALL
      SELECT chain.key, m."id", m."mergedIntoId", true, chain.depth + 1
      FROM chain
      CROSS JOIN LATERAL (SELECT "id", "mergedIntoId" FROM "Prospect" WHERE "id" = chain."mergedIntoId" OFFSET 0) m
      WHERE chain."mergedIntoId" IS NOT NULL AND chain.depth < 20
    )
    SELECT DISTINCT ON (key) key, "id" AS "prospectId", merged
    FROM chain
    WHERE "mergedIntoId" IS NULL
    ORDER BY key, merged, depth, "id"`,
    [accountId, keys],
  );
  for (const row of rows) matches.set(row.key, { prospectId: row.prospectId, via: row.merged ? "merged" : "active" });
  return matches;
}
