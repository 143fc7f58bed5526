import { type PgQueryDb, Prisma, sqlQuery } from "@gw/db";
import { cleanQuery, type Page, type PageRequest, pageWindow } from "../paging/paging";
import { type ProspectFilters, prospectFiltersCondition } from "./prospect-filters";
import { prospectSearchCondition } from "./prospect-search-condition";
import { PROSPECT_SUMMARY_COLUMNS, type ProspectSummary } from "./prospect-summary";

export const PROSPECT_SORTS = ["createdAt", "email", "name", "company", "score"] as const;
export type ProspectSort = (typeof PROSPECT_SORTS)[number];

export interface ProspectListItem extends ProspectSummary {
  score: number;
  filtered: boolean;
  mergedIntoId: string | null;
  createdAt: Date;
}

export interface SearchProspectsOptions extends PageRequest, ProspectFilters {
  db: PgQueryDb;
  accountId: string;
  /** E-mail, first, last or full name, or company contains (ignoring case). */
  q?: string;
  /** Merged-away records are hidden unless asked for. */
  includeMerged?: boolean;
  sort?: ProspectSort;
  order?: "asc" | "desc";
}

const SORT_KEYS: Record<ProspectSort, string[]> = {
  createdAt: [`p."createdAt"`],
  email: [`lower(p."email")`],
  name: [`lower(p."lastName")`, `lower(p."firstName")`],
  company: [`lower(p."company")`],
  score: [`p."score"`],
};

/**
 * `sqlQuery`: the page and its count compose the search's and the filters' `Prisma.sql`
 * fragments, which the list and tag member pages share (names/named-members.ts).
 */
export async function searchProspects(options: SearchProspectsOptions): Promise<Page<ProspectListItem>> {
  const { db } = options;
  const { page, pageSize, offset } = pageWindow(options);
  const sort = options.sort ?? "createdAt";
  const dir = (options.order ?? (sort === "createdAt" || sort === "score" ? "desc" : "asc")) === "asc" ? "ASC" : "DESC";
  const orderBy = Prisma.raw([...SORT_KEYS[sort].map((key) => `${key} ${dir} NULLS LAST`), `p."id" ${dir}`].join(", "));
  const where = Prisma.sql`p."accountId" = ${options.accountId}::uuid
    AND ${options.includeMerged ? Prisma.sql`TRUE` : Prisma.sql`p."mergedIntoId" IS NULL`}
    AND ${prospectSearchCondition(cleanQuery(options.q))} AND ${prospectFiltersCondition(options.accountId, options)}`;
  const items = await sqlQuery<ProspectListItem>(
    db,
    Prisma.sql`
    SELECT ${PROSPECT_SUMMARY_COLUMNS}, p."score", p."filtered", p."mergedIntoId", p."createdAt"
    FROM "Prospect" p WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${pageSize} OFFSET ${offset}`,
  );
  const [counted] = await sqlQuery<{ total: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS "total" FROM "Prospect" p WHERE ${where}`,
  );
  return { items, total: counted?.total ?? 0, page, pageSize };
}
