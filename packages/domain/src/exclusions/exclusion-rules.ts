import { EXCLUSION_KINDS, type ExclusionKind, GOTO_ROLES, MAX_EXCLUSION_RULES } from "@gw/api-contract";
import { type Db, type PgTransactionQuery, pgQuery, pgTransaction } from "@gw/db";
import { z } from "zod";
import { invalid } from "../errors/index";
import { requestStaffFetches, type StaffFetch } from "./staff-fetch-outbox";

// The kinds, roles and limit are the API contract's vocabulary.
export { EXCLUSION_KINDS, GOTO_ROLES, MAX_EXCLUSION_RULES };
/** The roles the sync reads from each webinar (the organizer is known from the connector). */
export const WEBINAR_STAFF_ROLES = [
  "PANELIST",
  "CO_ORGANIZER",
] as const satisfies readonly (typeof GOTO_ROLES)[number][];
export type WebinarStaffRole = (typeof WEBINAR_STAFF_ROLES)[number];

/** The staff roles `after` names and `before` did not (a role rule just added). */
export function addedStaffRoles(
  before: { kind: string; value: string }[],
  after: { kind: string; value: string }[],
): WebinarStaffRole[] {
  const named = (rules: { kind: string; value: string }[]) =>
    new Set(rules.filter((r) => r.kind === "GOTO_ROLE").map((r) => r.value));
  const had = named(before);
  const has = named(after);
  return WEBINAR_STAFF_ROLES.filter((role) => has.has(role) && !had.has(role));
}

export interface ExclusionRuleInput {
  kind: ExclusionKind;
  value: string;
}

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .pipe(
    z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/,
        "must be a domain such as example.com",
      ),
  );
const email = z.string().trim().toLowerCase().pipe(z.email("must be an e-mail address"));
const role = z.enum(GOTO_ROLES, { error: `must be one of ${GOTO_ROLES.join(", ")}` });

/** Rules as stored: domains and addresses lower-cased, duplicates dropped; a bad one is a 400 naming it. */
export function parseExclusionRules(rules: ExclusionRuleInput[]): ExclusionRuleInput[] {
  if (rules.length > MAX_EXCLUSION_RULES) throw invalid("rules", `at most ${MAX_EXCLUSION_RULES} exclusion rules`);
  const seen = new Set<string>();
  const parsed: ExclusionRuleInput[] = [];
  rules.forEach((rule, i) => {
    const schema = rule.kind === "EMAIL_DOMAIN" ? domain : rule.kind === "EMAIL" ? email : role;
    const result = schema.safeParse(rule.value);
    if (!result.success) {
      throw invalid(`rules.${i}.value`, `rules.${i}.value: ${result.error.issues[0]?.message}`, rule.value);
    }
    const key = `${rule.kind}:${result.data}`;
    if (!seen.has(key)) parsed.push({ kind: rule.kind, value: result.data });
    seen.add(key);
  });
  return parsed;
}

export async function listExclusionRules(options: { db: Db; accountId: string }): Promise<ExclusionRuleInput[]> {
  return pgQuery(
    options.db,
    `SELECT "kind", "value" FROM "ExclusionRule" WHERE "accountId" = $1::uuid ORDER BY "kind", "value"`,
    [options.accountId],
  );
}

export interface ExclusionResult {
  rules: ExclusionRuleInput[];
  /** Prospects the rules filter now, and how many changed either way with this change. */
  filteredByRules: number;
  newlyFiltered: number;
  released: number;
  /** PANELIST / CO_ORGANIZER when this change added a rule for them (their staff lists are to be read). */
  addedStaffRoles: WebinarStaffRole[];
  /** The staff fetches this change recorded in the outbox (one per webinar no sync reads again), to queue now. */
  staffFetches: StaffFetch[];
}

/**
 * Replaces the account's exclusion rules and re-applies them to every prospect at once: those
 * matching become filtered (no completion or rule actions, out of dynamic lists, hidden from
 * the reports by default); those the old rules filtered and the new ones do not are released.
 * A prospect filtered by hand stays filtered. Dynamic lists and rules follow through the
 * incremental path (the prospects' changes are marked by the triggers).
 */
export async function setExclusionRules(options: {
  db: Db;
  accountId: string;
  rules: ExclusionRuleInput[];
}): Promise<ExclusionResult> {
  const rules = parseExclusionRules(options.rules);
  return pgTransaction(
    options.db,
    async (query) => {
      const before = await query<ExclusionRuleInput>(
        `DELETE FROM "ExclusionRule" WHERE "accountId" = $1::uuid RETURNING "kind", "value"`,
        [options.accountId],
      );
      await query(
        `INSERT INTO "ExclusionRule" ("accountId", "kind", "value")
         SELECT $1::uuid, k::"ExclusionKind", v FROM unnest($2::text[], $3::text[]) AS r(k, v)`,
        [options.accountId, rules.map((r) => r.kind), rules.map((r) => r.value)],
      );
      const changed = await reapplyExclusions(query, options.accountId);
      const [total] = await query<{ count: number }>(
        `SELECT count(*)::int AS "count" FROM "Prospect" WHERE "accountId" = $1::uuid AND "filteredByExclusion"`,
        [options.accountId],
      );
      const added = addedStaffRoles(before, rules);
      const staffFetches = await requestStaffFetches(query, options.accountId, added);
      return { rules, filteredByRules: total!.count, ...changed, addedStaffRoles: added, staffFetches };
    },
    { "gw.applying_exclusions": "on" },
  );
}

/**
 * Applies the account's exclusion rules as they stand to its prospects (only those with one of
 * `emails`, lower-cased, when given): matching ones become filtered, those the rules filtered and
 * no longer match are released; hand-filtered ones are left alone. Runs inside a transaction with
 * gw.applying_exclusions = 'on' (the prospect trigger would take the flag change for a hand edit).
 */
export async function reapplyExclusions(
  query: PgTransactionQuery,
  accountId: string,
  emails?: string[],
): Promise<{ newlyFiltered: number; released: number }> {
  const only = emails ? ` AND lower(p."email") = ANY($2::text[])` : "";
  const values = emails ? [accountId, emails] : [accountId];
  const [filtered] = await query<{ count: number }>(
    `WITH hit AS (UPDATE "Prospect" p SET "filtered" = true, "filteredByExclusion" = true, "updatedAt" = now()
       WHERE p."accountId" = $1::uuid${only} AND NOT p."filtered" AND prospect_is_excluded(p."accountId", p."email") RETURNING 1)
     SELECT count(*)::int AS "count" FROM hit`,
    values,
  );
  const [released] = await query<{ count: number }>(
    `WITH freed AS (UPDATE "Prospect" p SET "filtered" = false, "filteredByExclusion" = false, "updatedAt" = now()
       WHERE p."accountId" = $1::uuid${only} AND p."filteredByExclusion" AND NOT prospect_is_excluded(p."accountId", p."email") RETURNING 1)
     SELECT count(*)::int AS "count" FROM freed`,
    values,
  );
  return { newlyFiltered: filtered!.count, released: released!.count };
}
