import { type Db, pgQuery } from "@gw/db";
import { notFound } from "../errors/index";
import { type Page, type PageRequest, pgPage } from "../paging/paging";
import type { ProspectSummary } from "../prospects/prospect-summary";

async function ownList(db: Db, options: { accountId: string; listId: string }) {
  const list = await db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true },
  });
  if (!list) throw notFound("List", options.listId);
  return list;
}

/** A dynamic list's member count over time: the last count of each hour, oldest first (at most `hours`). */
export async function listCountHistory(options: {
  db: Db;
  accountId: string;
  listId: string;
  hours?: number;
}): Promise<{ hour: Date; count: number }[]> {
  const list = await ownList(options.db, options);
  const hours = Math.min(24 * 90, Math.max(1, options.hours ?? 24 * 30));
  return pgQuery(
    options.db,
    `SELECT "hour", "count" FROM (
       SELECT "hour", "count" FROM "ListCountHistory" WHERE "listId" = $1::uuid ORDER BY "hour" DESC LIMIT $2::int
     ) h ORDER BY "hour" ASC`,
    [list.id, hours],
  );
}

export interface ListMembershipChangeView extends ProspectSummary {
  joined: boolean;
  at: Date;
}

/** Who joined and left a dynamic list, and when: newest first. */
export async function listMembershipChanges(
  options: PageRequest & { accountId: string; listId: string } & { db: Db },
): Promise<Page<ListMembershipChangeView>> {
  const list = await ownList(options.db, options);
  return pgPage<ListMembershipChangeView>(options.db, options, {
    rows: `SELECT p."id", p."email", p."firstName", p."lastName", p."company", c."joined", c."at"
     FROM "ListMembershipChange" c JOIN "Prospect" p ON p."id" = c."prospectId"
     WHERE c."listId" = $1::uuid ORDER BY c."at" DESC, c."id" DESC`,
    count: `SELECT count(*)::int AS "total" FROM "ListMembershipChange" WHERE "listId" = $1::uuid`,
    values: [list.id],
  });
}
