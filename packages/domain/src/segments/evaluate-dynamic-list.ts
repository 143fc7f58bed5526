import { type Db, pgQuery, pgTransaction } from "@gw/db";
import { notFound } from "../errors/index";
import { parseCriteria } from "./parse-criteria";
import { SEGMENT_QUERY_SETTINGS } from "./segment-query-settings";
import { type ListMemberChanges, type ProspectIdRange, syncListMembers } from "./sync-list-members";

export interface ListEvaluation extends ListMemberChanges {
  memberCount: number;
  evaluatedAt: Date;
}

/** How many parts a full evaluation runs side by side unless told. */
export const DEFAULT_EVALUATION_PARTS = 2;

/**
 * Re-evaluates a dynamic list against every prospect of its account (after its criteria
 * changed, on demand, and periodically for criteria with moving windows), then sets the list's
 * evaluatedAt and the hour's count. The account's prospects are cut into `parts` ranges of ids,
 * each brought up to date by one set-based statement in a transaction of its own, all side by
 * side on their own connections: writing memberships, their history and their change events is
 * one core's work per statement, and a list everyone joins (222,500 joins in bench/segments.ts)
 * took 4.5–5.2 s on one core. A part that fails leaves the others' changes, each complete with
 * its history and events, and the evaluation's error reaches the caller (a retry converges).
 */
export async function evaluateDynamicList(options: {
  db: Db;
  accountId: string;
  listId: string;
  parts?: number;
}): Promise<ListEvaluation> {
  const list = await options.db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId, kind: "DYNAMIC" },
    select: { id: true, criteria: true },
  });
  if (!list) throw notFound("Dynamic list", options.listId);
  const criteria = parseCriteria(list.criteria);
  const evaluatePart = (idRange: ProspectIdRange, plainInsert: boolean) =>
    pgTransaction(
      options.db,
      (query) =>
        syncListMembers(query, { listId: list.id, accountId: options.accountId, criteria, idRange, plainInsert }),
      { ...SEGMENT_QUERY_SETTINGS, "gw.segment_eval": "on" },
    );
  const settled = await Promise.allSettled(
    prospectIdRanges(options.parts ?? DEFAULT_EVALUATION_PARTS).map((idRange) =>
      // The incremental path joined one of the part's matches meanwhile: again, skipping members.
      evaluatePart(idRange, true).catch((error) => {
        if (isUniqueViolation(error)) return evaluatePart(idRange, false);
        throw error;
      }),
    ),
  );
  // Counted even when a part failed (the list is then not marked evaluated): the parts that
  // committed moved the membership, and the incremental path only adds differences to the hour's
  // count from here on.
  const failed = settled.find((part) => part.status === "rejected");
  const counted = await recordEvaluation(options.db, list.id, !failed);
  if (failed) throw failed.reason;
  const changes = settled.reduce(
    (sum, part) =>
      part.status === "fulfilled" ? { joined: sum.joined + part.value.joined, left: sum.left + part.value.left } : sum,
    { joined: 0, left: 0 },
  );
  return { ...changes, ...counted };
}

/**
 * The list's evaluatedAt (when every part succeeded) and the hour's member count, counted from the memberships as they are
 * now. A change the incremental path commits while this statement runs can be missed by the
 * count until the next evaluation: the hourly chart's count, never the membership.
 */
async function recordEvaluation(
  db: Db,
  listId: string,
  evaluated: boolean,
): Promise<{ memberCount: number; evaluatedAt: Date }> {
  const [row] = await pgQuery<{ evaluatedAt: Date; memberCount: number }>(
    db,
    `WITH counted AS (SELECT count(*)::int AS "memberCount" FROM "ListMembership" WHERE "listId" = $1::uuid),
     hour AS (
       INSERT INTO "ListCountHistory" ("listId", "hour", "count")
       SELECT $1::uuid, date_trunc('hour', now()), "memberCount" FROM counted
       ON CONFLICT ("listId", "hour") DO UPDATE SET "count" = EXCLUDED."count"
     )
     UPDATE "List" SET "evaluatedAt" = CASE WHEN $2::boolean THEN now() ELSE "evaluatedAt" END WHERE "id" = $1::uuid
     RETURNING "evaluatedAt", (SELECT "memberCount" FROM counted) AS "memberCount"`,
    [listId, evaluated],
  );
  return row!;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** `parts` ranges of uuids of about the same width, covering every id (ids are random uuids). */
export function prospectIdRanges(parts: number): ProspectIdRange[] {
  const count = Math.max(1, Math.floor(parts));
  const bound = (i: number) =>
    `${Math.floor((i * 2 ** 32) / count)
      .toString(16)
      .padStart(8, "0")}-0000-0000-0000-000000000000`;
  return Array.from({ length: count }, (_, i) => ({
    ...(i > 0 ? { from: bound(i) } : {}),
    ...(i < count - 1 ? { to: bound(i + 1) } : {}),
  }));
}
