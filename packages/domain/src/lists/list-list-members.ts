import { type Db, Prisma } from "@gw/db";
import { notFound } from "../errors/index";
import { cleanQuery, type Page, type PageRequest, pageWindow } from "../paging/paging";
import { prospectSearchCondition } from "../prospects/prospect-search-condition";
import { PROSPECT_SUMMARY_COLUMNS, type ProspectSummary } from "../prospects/prospect-summary";

export interface ListListMembersOptions extends PageRequest {
  db: Db;
  accountId: string;
  listId: string;
  q?: string;
}

/** A list's members, most recently added first. */
export async function listListMembers(
  options: ListListMembersOptions,
): Promise<Page<ProspectSummary & { addedAt: Date }>> {
  const { db } = options;
  const list = await db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true },
  });
  if (!list) throw notFound("List", options.listId);
  const { page, pageSize, offset } = pageWindow(options);
  const where = Prisma.sql`m."listId" = ${list.id}::uuid AND ${prospectSearchCondition(cleanQuery(options.q))}`;
  const items = await db.$queryRaw<(ProspectSummary & { addedAt: Date })[]>`
    SELECT ${PROSPECT_SUMMARY_COLUMNS}, m."createdAt" AS "addedAt"
    FROM "ListMembership" m JOIN "Prospect" p ON p."id" = m."prospectId"
    WHERE ${where}
    ORDER BY m."createdAt" DESC, p."id" ASC
    LIMIT ${pageSize} OFFSET ${offset}`;
  const [{ total }] = (await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "ListMembership" m JOIN "Prospect" p ON p."id" = m."prospectId" WHERE ${where}`) as [
    { total: number },
  ];
  return { items, total, page, pageSize };
}
