import { type Db, Prisma, pgQuery, sqlQuery } from "@gw/db";
import { cleanQuery, type Page, type PageRequest, pageWindow } from "../paging/paging";
import { prospectSearchCondition } from "../prospects/prospect-search-condition";
import { PROSPECT_SUMMARY_COLUMNS, type ProspectSummary } from "../prospects/prospect-summary";
import type { NamedKind } from "./named-records";

// A list's members and a tag's prospects sit in twin tables: (owner id, prospect id, createdAt).
export const MEMBERSHIP = {
  list: { table: '"ListMembership"', key: '"listId"' },
  tag: { table: '"ProspectTag"', key: '"tagId"' },
} as const;

/** Adds prospects to a list or tag; those already in it are left alone. Answers how many are new. */
export async function addMembers(db: Db, kind: NamedKind, ownerId: string, prospectIds: string[]): Promise<number> {
  const { table, key } = MEMBERSHIP[kind];
  const added = await pgQuery<{ prospectId: string }>(
    db,
    `INSERT INTO ${table} (${key}, "prospectId") SELECT $1::uuid, unnest($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING "prospectId"`,
    [ownerId, prospectIds],
  );
  return added.length;
}

/** Takes a prospect out of a list or tag; answers whether it was in. */
export async function removeMember(db: Db, kind: NamedKind, ownerId: string, prospectId: string): Promise<boolean> {
  const { table, key } = MEMBERSHIP[kind];
  const removed = await pgQuery<{ prospectId: string }>(
    db,
    `DELETE FROM ${table} WHERE ${key} = $1::uuid AND "prospectId" = $2::uuid RETURNING "prospectId"`,
    [ownerId, prospectId],
  );
  return removed.length > 0;
}

export type MemberSummary = ProspectSummary & { addedAt: Date };

/**
 * A page of a list's or tag's prospects, most recently added first, `q` matched as the prospect
 * search does. `sqlQuery`: it composes the search's `Prisma.sql` fragments, as the reports do.
 */
export async function pageMembers(
  db: Db,
  kind: NamedKind,
  ownerId: string,
  request: PageRequest & { q?: string },
): Promise<Page<MemberSummary>> {
  const { table, key } = MEMBERSHIP[kind];
  const { page, pageSize, offset } = pageWindow(request);
  const from = Prisma.sql`FROM ${Prisma.raw(table)} m JOIN "Prospect" p ON p."id" = m."prospectId"`;
  const where = Prisma.sql`m.${Prisma.raw(key)} = ${ownerId}::uuid AND ${prospectSearchCondition(cleanQuery(request.q))}`;
  const items = await sqlQuery<MemberSummary>(
    db,
    Prisma.sql`
    SELECT ${PROSPECT_SUMMARY_COLUMNS}, m."createdAt" AS "addedAt" ${from}
    WHERE ${where}
    ORDER BY m."createdAt" DESC, p."id" ASC
    LIMIT ${pageSize} OFFSET ${offset}`,
  );
  const [counted] = await sqlQuery<{ total: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS total ${from} WHERE ${where}`,
  );
  return { items, total: counted?.total ?? 0, page, pageSize };
}
