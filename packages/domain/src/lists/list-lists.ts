import { type Db, Prisma } from "@gw/db";
import { cleanQuery, containsPattern, type Page, type PageRequest, pageWindow } from "../paging/paging";
import type { ListView } from "./list-view";

export interface ListListsOptions extends PageRequest {
  db: Db;
  accountId: string;
  /** Name contains, ignoring case. */
  q?: string;
}

/** The account's lists by name (ignoring case), with their member counts. */
export async function listLists(options: ListListsOptions): Promise<Page<ListView>> {
  const { db } = options;
  const { page, pageSize, offset } = pageWindow(options);
  const q = cleanQuery(options.q);
  const where = Prisma.sql`l."accountId" = ${options.accountId}::uuid AND ${q ? Prisma.sql`l."name" ILIKE ${containsPattern(q)}` : Prisma.sql`TRUE`}`;
  const items = await db.$queryRaw<ListView[]>`
    SELECT l."id", l."name", l."kind", l."createdAt",
           (SELECT count(*)::int FROM "ListMembership" m WHERE m."listId" = l."id") AS "memberCount"
    FROM "List" l WHERE ${where}
    ORDER BY lower(l."name"), l."id"
    LIMIT ${pageSize} OFFSET ${offset}`;
  const [{ total }] = (await db.$queryRaw<
    { total: number }[]
  >`SELECT count(*)::int AS total FROM "List" l WHERE ${where}`) as [{ total: number }];
  return { items, total, page, pageSize };
}
