import { type Db, Prisma, sqlQuery } from "@gw/db";
import { invalid } from "../errors/index";
import { cleanQuery } from "../paging/paging";
import { findTarget, type WebinarProspectsAction } from "../reports/apply-webinar-prospects-action";
import { type ProspectFilters, prospectFiltersCondition } from "./prospect-filters";
import { prospectSearchCondition } from "./prospect-search-condition";

export interface ApplyProspectsActionOptions {
  db: Db;
  accountId: string;
  /** Chosen prospects, or "all" that the page's search and filters select (not only the page shown). */
  prospectIds: string[] | "all";
  q?: string;
  filters?: ProspectFilters;
  action: WebinarProspectsAction;
  listId?: string;
  listName?: string;
  tagId?: string;
  tagName?: string;
}

/**
 * Adds the prospects page's selection to a list or tag in one statement, so "all" of a large
 * filtered set never passes through JavaScript. Chosen ids outside the account match nothing.
 */
export async function applyProspectsAction(
  options: ApplyProspectsActionOptions,
): Promise<{ matched: number; affected: number; target: { id: string; name: string } }> {
  const { db } = options;
  if (Array.isArray(options.prospectIds) && options.prospectIds.length === 0)
    throw invalid("prospectIds", `prospectIds must name at least one prospect, or be "all"`, options.prospectIds);
  const target = await findTarget(options);
  const chosen =
    options.prospectIds === "all"
      ? Prisma.sql`${prospectSearchCondition(cleanQuery(options.q))} AND ${prospectFiltersCondition(options.accountId, options.filters ?? {})}`
      : Prisma.sql`p."id" = ANY(${[...new Set(options.prospectIds)]}::uuid[])`;
  const selected = Prisma.sql`
    SELECT p."id" FROM "Prospect" p
    WHERE p."accountId" = ${options.accountId}::uuid AND p."mergedIntoId" IS NULL AND ${chosen}`;
  const insert =
    options.action === "ADD_TO_LIST"
      ? Prisma.sql`INSERT INTO "ListMembership" ("listId", "prospectId")
          SELECT ${target.id}::uuid, s."id" FROM selected s ON CONFLICT DO NOTHING RETURNING 1`
      : Prisma.sql`INSERT INTO "ProspectTag" ("tagId", "prospectId")
          SELECT ${target.id}::uuid, s."id" FROM selected s ON CONFLICT DO NOTHING RETURNING 1`;
  const [result] = await sqlQuery<{ matched: number; affected: number }>(
    db,
    Prisma.sql`
    WITH selected AS (${selected}), inserted AS (${insert})
    SELECT (SELECT count(*) FROM selected)::int AS "matched", (SELECT count(*) FROM inserted)::int AS "affected"`,
  );
  return { matched: result?.matched ?? 0, affected: result?.affected ?? 0, target };
}
