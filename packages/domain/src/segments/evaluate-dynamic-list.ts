import { type Db, pgTransaction } from "@gw/db";
import { notFound } from "../errors/index";
import { parseCriteria } from "./parse-criteria";
import { SEGMENT_QUERY_SETTINGS } from "./segment-query-settings";
import { type ListMemberChanges, syncListMembers } from "./sync-list-members";

export interface ListEvaluation extends ListMemberChanges {
  memberCount: number;
  evaluatedAt: Date;
}

/**
 * Re-evaluates a dynamic list against every prospect of its account (after its criteria
 * changed, on demand, and periodically for criteria with moving windows): one set-based
 * statement, then the list's evaluatedAt.
 */
export async function evaluateDynamicList(options: {
  db: Db;
  accountId: string;
  listId: string;
}): Promise<ListEvaluation> {
  const list = await options.db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId, kind: "DYNAMIC" },
    select: { id: true, criteria: true },
  });
  if (!list) throw notFound("Dynamic list", options.listId);
  const criteria = parseCriteria(list.criteria);
  return pgTransaction(
    options.db,
    async (query) => {
      const changes = await syncListMembers(query, { listId: list.id, accountId: options.accountId, criteria });
      const [row] = await query<{ evaluatedAt: Date; memberCount: number }>(
        `UPDATE "List" SET "evaluatedAt" = now() WHERE "id" = $1::uuid
         RETURNING "evaluatedAt", (SELECT count(*)::int FROM "ListMembership" WHERE "listId" = $1::uuid) AS "memberCount"`,
        [list.id],
      );
      return { ...changes, memberCount: row!.memberCount, evaluatedAt: row!.evaluatedAt };
    },
    { ...SEGMENT_QUERY_SETTINGS, "gw.segment_eval": "on" },
  );
}
