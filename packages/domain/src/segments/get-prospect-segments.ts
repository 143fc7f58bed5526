import { type Db, pgQuery } from "@gw/db";
import { findAccountProspect } from "../prospects/find-account-prospect";
import { listRuleRuns, type RuleRunView } from "../rules/run-rules";

export interface ProspectSegments {
  /** Dynamic lists the prospect is in or was in, with the last join or leave. */
  dynamicLists: { id: string; name: string; member: boolean; joinedAt: Date | null; leftAt: Date | null }[];
  /** The latest automation-rule runs on the prospect, newest first. */
  ruleRuns: (RuleRunView & { ruleId: string; ruleName: string })[];
}

/** For the prospect page: which dynamic lists and automation rules touched this prospect. */
export async function getProspectSegments(options: {
  db: Db;
  accountId: string;
  prospectId: string;
}): Promise<ProspectSegments> {
  const prospect = await findAccountProspect(options);
  const dynamicLists = await pgQuery<ProspectSegments["dynamicLists"][number]>(
    options.db,
    `SELECT l."id", l."name",
       EXISTS (SELECT 1 FROM "ListMembership" m WHERE m."listId" = l."id" AND m."prospectId" = $1::uuid) AS "member",
       max(c."at") FILTER (WHERE c."joined") AS "joinedAt", max(c."at") FILTER (WHERE NOT c."joined") AS "leftAt"
     FROM "ListMembershipChange" c JOIN "List" l ON l."id" = c."listId"
     WHERE c."prospectId" = $1::uuid AND l."accountId" = $2::uuid AND l."kind" = 'DYNAMIC'
     GROUP BY l."id", l."name" ORDER BY lower(l."name")`,
    [prospect.id, options.accountId],
  );
  const runs = await listRuleRuns({
    db: options.db,
    accountId: options.accountId,
    prospectId: prospect.id,
    pageSize: 50,
  });
  return { dynamicLists, ruleRuns: runs.items };
}
