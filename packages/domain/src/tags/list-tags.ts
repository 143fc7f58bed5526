import { type Db, Prisma } from "@gw/db";
import { cleanQuery, containsPattern, type Page, type PageRequest, pageWindow } from "../paging/paging";
import type { TagView } from "./tag-view";

export interface ListTagsOptions extends PageRequest {
  db: Db;
  accountId: string;
  /** Name contains, ignoring case. */
  q?: string;
}

/** The account's tags by name (ignoring case), with how many prospects carry each. */
export async function listTags(options: ListTagsOptions): Promise<Page<TagView>> {
  const { db } = options;
  const { page, pageSize, offset } = pageWindow(options);
  const q = cleanQuery(options.q);
  const where = Prisma.sql`t."accountId" = ${options.accountId}::uuid AND ${q ? Prisma.sql`t."name" ILIKE ${containsPattern(q)}` : Prisma.sql`TRUE`}`;
  const items = await db.$queryRaw<TagView[]>`
    SELECT t."id", t."name", t."createdAt",
           (SELECT count(*)::int FROM "ProspectTag" pt WHERE pt."tagId" = t."id") AS "prospectCount"
    FROM "Tag" t WHERE ${where}
    ORDER BY lower(t."name"), t."id"
    LIMIT ${pageSize} OFFSET ${offset}`;
  const [{ total }] = (await db.$queryRaw<
    { total: number }[]
  >`SELECT count(*)::int AS total FROM "Tag" t WHERE ${where}`) as [{ total: number }];
  return { items, total, page, pageSize };
}
