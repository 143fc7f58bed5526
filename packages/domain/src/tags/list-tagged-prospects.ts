import { type Db, Prisma } from "@gw/db";
import { notFound } from "../errors/index";
import { cleanQuery, type Page, type PageRequest, pageWindow } from "../paging/paging";
import { prospectSearchCondition } from "../prospects/prospect-search-condition";
import { PROSPECT_SUMMARY_COLUMNS, type ProspectSummary } from "../prospects/prospect-summary";

export interface ListTaggedProspectsOptions extends PageRequest {
  db: Db;
  accountId: string;
  tagId: string;
  q?: string;
}

/** The prospects carrying a tag, most recently tagged first. */
export async function listTaggedProspects(
  options: ListTaggedProspectsOptions,
): Promise<Page<ProspectSummary & { addedAt: Date }>> {
  const { db } = options;
  const tag = await db.tag.findFirst({
    where: { id: options.tagId, accountId: options.accountId },
    select: { id: true },
  });
  if (!tag) throw notFound("Tag", options.tagId);
  const { page, pageSize, offset } = pageWindow(options);
  const where = Prisma.sql`t."tagId" = ${tag.id}::uuid AND ${prospectSearchCondition(cleanQuery(options.q))}`;
  const items = await db.$queryRaw<(ProspectSummary & { addedAt: Date })[]>`
    SELECT ${PROSPECT_SUMMARY_COLUMNS}, t."createdAt" AS "addedAt"
    FROM "ProspectTag" t JOIN "Prospect" p ON p."id" = t."prospectId"
    WHERE ${where}
    ORDER BY t."createdAt" DESC, p."id" ASC
    LIMIT ${pageSize} OFFSET ${offset}`;
  const [{ total }] = (await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "ProspectTag" t JOIN "Prospect" p ON p."id" = t."prospectId" WHERE ${where}`) as [
    { total: number },
  ];
  return { items, total, page, pageSize };
}
