import { type Db, pgQuery, pgTransaction } from "@gw/db";
import { type RunnableRule, runRule } from "../rules/run-rule";
import { toRunnableRule } from "../rules/run-rules";
import { referencedListIds } from "./compile-criteria";
import { orderDynamicLists } from "./order-dynamic-lists";
import { parseCriteria } from "./parse-criteria";
import { SEGMENT_QUERY_SETTINGS } from "./segment-query-settings";
import { syncListMembers } from "./sync-list-members";

/**
 * Rule actions run on prospects whose change came from outside (depth 0) or from one rule hop
 * (depth 1): a rule's own action can re-trigger rules once, never in an endless loop. Lists are
 * kept current at every depth.
 */
export const MAX_RULE_DEPTH = 1;

export interface ProcessDirtyProspectsOptions {
  /** Prospects claimed per round. */
  batchSize?: number;
  /** How long a claim holds before another consumer may take the prospects (a crashed worker). */
  leaseMs?: number;
  /** For rules' REGISTER_WEBINAR requests (REGISTRATION_GIVE_UP_HOURS). */
  giveUpAfterMs: number;
  log?: { warn(obj: object, msg?: string): void };
}

export interface ProcessDirtyProspectsResult {
  claimed: number;
  joined: number;
  left: number;
  ruleRuns: number;
  registrationRequestIds: string[];
  /** Oldest change of the batch (for latency metrics), null when nothing was claimed. */
  oldestDirtiedAt: Date | null;
}

interface Claim {
  prospectId: string;
  accountId: string;
  seq: string;
  depth: number;
  dirtiedAt: Date;
}

/**
 * The incremental path of dynamic lists and automation rules: claims a batch of prospects the
 * triggers marked as changed, re-checks only them against their account's dynamic lists (in
 * dependency order) and enabled rules, set-based (one statement per list and rule, whatever the
 * batch size), then clears the marks it saw. A prospect changed again meanwhile keeps its mark
 * (its sequence moved on) and is checked again in the next round; a consumer that dies leaves
 * its claim to expire, so no change is ever lost.
 */
export async function processDirtyProspects(
  options: ProcessDirtyProspectsOptions & { db: Db },
): Promise<ProcessDirtyProspectsResult> {
  const { db } = options;
  const claims = await pgQuery<Claim>(
    db,
    `WITH c AS (
       SELECT "prospectId" FROM "SegmentDirtyProspect"
       WHERE "claimedUntil" IS NULL OR "claimedUntil" < now()
       ORDER BY "depth", "seq" LIMIT $1::int FOR UPDATE SKIP LOCKED
     )
     UPDATE "SegmentDirtyProspect" d SET "claimedUntil" = now() + make_interval(secs => $2::double precision / 1000)
     FROM c WHERE d."prospectId" = c."prospectId"
     RETURNING d."prospectId", d."accountId", d."seq"::text AS "seq", d."depth", d."dirtiedAt"`,
    [options.batchSize ?? 5000, options.leaseMs ?? 60_000],
  );
  const result: ProcessDirtyProspectsResult = {
    claimed: claims.length,
    joined: 0,
    left: 0,
    ruleRuns: 0,
    registrationRequestIds: [],
    oldestDirtiedAt: null,
  };
  if (claims.length === 0) return result;
  result.oldestDirtiedAt = new Date(Math.min(...claims.map((c) => c.dirtiedAt.getTime())));

  const byAccount = new Map<string, Claim[]>();
  for (const claim of claims) byAccount.set(claim.accountId, [...(byAccount.get(claim.accountId) ?? []), claim]);

  const done: Claim[] = [];
  for (const [accountId, accountClaims] of byAccount) {
    try {
      await recheckAccount(db, accountId, accountClaims, options, result);
      done.push(...accountClaims);
    } catch (error) {
      // Left claimed: the lease expires and another round tries again.
      options.log?.warn({ err: error, accountId, prospects: accountClaims.length }, "segments: re-check failed");
    }
  }

  if (done.length) {
    await pgQuery(
      db,
      `WITH seen AS (SELECT * FROM unnest($1::uuid[], $2::bigint[]) AS s("id", "seq")),
       cleared AS (
         DELETE FROM "SegmentDirtyProspect" d USING seen
         WHERE d."prospectId" = seen."id" AND d."seq" = seen."seq" RETURNING d."prospectId"
       )
       UPDATE "SegmentDirtyProspect" d SET "claimedUntil" = NULL
       WHERE d."prospectId" = ANY($1::uuid[]) AND d."prospectId" NOT IN (SELECT "prospectId" FROM cleared)`,
      [done.map((c) => c.prospectId), done.map((c) => c.seq)],
    );
  }
  return result;
}

async function recheckAccount(
  db: Db,
  accountId: string,
  claims: Claim[],
  options: ProcessDirtyProspectsOptions,
  result: ProcessDirtyProspectsResult,
): Promise<void> {
  const ids = claims.map((c) => c.prospectId);
  const [lists, rules] = await Promise.all([
    db.list.findMany({ where: { accountId, kind: "DYNAMIC" }, select: { id: true, name: true, criteria: true } }),
    db.automationRule.findMany({ where: { accountId, status: "ENABLED" } }),
  ]);

  const syncLists = async () => {
    if (lists.length === 0) return;
    const ordered = orderDynamicLists(lists.map((l) => ({ ...l, criteria: parseCriteria(l.criteria) })));
    await pgTransaction(
      db,
      async (query) => {
        for (const list of ordered) {
          const changes = await syncListMembers(query, {
            listId: list.id,
            accountId,
            criteria: list.criteria,
            prospectIds: ids,
          });
          result.joined += changes.joined;
          result.left += changes.left;
        }
      },
      { ...SEGMENT_QUERY_SETTINGS, "gw.segment_eval": "on" },
    );
  };
  const runRules = async (runnable: RunnableRule[]) => {
    for (let depth = 0; depth <= MAX_RULE_DEPTH; depth++) {
      const atDepth = claims.filter((c) => c.depth === depth).map((c) => c.prospectId);
      if (atDepth.length === 0) continue;
      for (const rule of runnable) {
        const summary = await runRule(db, rule, { prospectIds: atDepth, depth, giveUpAfterMs: options.giveUpAfterMs });
        result.ruleRuns += summary.acted;
        result.registrationRequestIds.push(...summary.registrationRequestIds);
      }
    }
  };

  // Rules whose criteria read no list do not wait for the lists' re-check: both run side by
  // side, on their own connections (a rule's run is what a marketer waits for). Rules that read
  // list membership run after it, on the members as they are now: the membership writes are the
  // consumer's own output and mark nobody, so a later round would not bring them back.
  const runnable = rules.map(toRunnableRule);
  const readsLists = (rule: RunnableRule) => referencedListIds(rule.criteria).length > 0;
  const [listed, ruled] = await Promise.allSettled([syncLists(), runRules(runnable.filter((r) => !readsLists(r)))]);
  if (listed.status === "rejected") throw listed.reason;
  if (ruled.status === "rejected") throw ruled.reason;
  await runRules(runnable.filter(readsLists));
}
