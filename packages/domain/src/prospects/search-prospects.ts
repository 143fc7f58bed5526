import { type Db, Prisma } from "@gw/db";
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
  db: Db;
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

export async function searchProspects(options: SearchProspectsOptions): Promise<Page<ProspectListItem>> {
  const { db } = options;
  const { page, pageSize, offset } = pageWindow(options);
  const sort = options.sort ?? "createdAt";
  const dir = (options.order ?? (sort === "createdAt" || sort === "score" ? "desc" : "asc")) === "asc" ? "ASC" : "DESC";
  const orderBy = Prisma.raw([...SORT_KEYS[sort].map((key) => `${key} ${dir} NULLS LAST`), `p."id" ${dir}`].join(", "));
  const where = Prisma.sql`p."accountId" = ${options.accountId}::uuid
    AND ${options.includeMerged ? Prisma.sql`TRUE` : Prisma.sql`p."mergedIntoId" IS NULL`}
    AND ${prospectSearchCondition(cleanQuery(options.q))} AND ${prospectFiltersCondition(options.accountId, options)}`;
  const items = await db.$queryRaw<ProspectListItem[]>`
    SELECT ${PROSPECT_SUMMARY_COLUMNS}, p."score", p."filtered", p."mergedIntoId", p."createdAt"
    FROM "Prospect" p WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${pageSize} OFFSET ${offset}`;
  const [{ total }] = (await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "Prospect" p WHERE ${where}`) as [{ total: number }];
  return { items, total, page, pageSize };
}
