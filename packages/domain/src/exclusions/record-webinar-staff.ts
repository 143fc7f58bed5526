import { type Db, type PgQueryDb, pgQuery, pgTransaction } from "@gw/db";
import { emailKey } from "../prospects/normalize-email";
import { reapplyExclusions, WEBINAR_STAFF_ROLES, type WebinarStaffRole } from "./exclusion-rules";

export interface WebinarStaffMember {
  role: WebinarStaffRole;
  email: string;
  name?: string | null;
}

/**
 * The webinar roles the account's exclusion rules name (PANELIST, CO_ORGANIZER): the sync asks
 * GoTo for those lists only, so an account without such a rule costs no extra request.
 */
export async function listExcludedStaffRoles(options: {
  db: PgQueryDb;
  accountId: string;
}): Promise<WebinarStaffRole[]> {
  const rows = await pgQuery<{ role: WebinarStaffRole }>(
    options.db,
    `SELECT "value" AS "role" FROM "ExclusionRule"
     WHERE "accountId" = $1::uuid AND "kind" = 'GOTO_ROLE' AND "value" = ANY($2::text[]) ORDER BY "value"`,
    [options.accountId, [...WEBINAR_STAFF_ROLES]],
  );
  return rows.map((r) => r.role);
}

export interface RecordWebinarStaffResult {
  staff: number;
  newlyFiltered: number;
  released: number;
}

/**
 * Replaces a webinar's people of `roles` with the ones GoTo listed now, then re-applies the
 * exclusion rules to everyone who came or went: an existing prospect who became a panelist is
 * filtered at once, one who is no longer staff of any webinar is released (unless filtered by
 * hand). Prospects created afterwards are filtered as they are written (the prospect trigger
 * reads WebinarStaff through prospect_is_excluded). Roles not in `roles` are left as they are.
 */
export async function recordWebinarStaff(options: {
  db: Db;
  accountId: string;
  webinarId: string;
  roles: WebinarStaffRole[];
  staff: WebinarStaffMember[];
}): Promise<RecordWebinarStaffResult> {
  const byKey = new Map<string, WebinarStaffMember & { email: string }>();
  for (const member of options.staff) {
    if (!options.roles.includes(member.role)) continue;
    const email = emailKey(member.email);
    if (!email.includes("@")) continue; // GoTo leaves an external co-organizer's address out at times
    byKey.set(`${member.role} ${email}`, { ...member, email });
  }
  const staff = [...byKey.values()];
  return pgTransaction(
    options.db,
    async (query) => {
      const gone = await query<{ email: string }>(
        `DELETE FROM "WebinarStaff" s
         WHERE s."webinarId" = $1::uuid AND s."role"::text = ANY($2::text[])
           AND (s."role"::text, s."email") NOT IN (SELECT * FROM unnest($3::text[], $4::text[]))
         RETURNING s."email"`,
        [options.webinarId, options.roles, staff.map((s) => s.role), staff.map((s) => s.email)],
      );
      const came = await query<{ email: string }>(
        `INSERT INTO "WebinarStaff" ("webinarId", "accountId", "role", "email", "name")
         SELECT $1::uuid, $2::uuid, r::"WebinarStaffRole", e, n FROM unnest($3::text[], $4::text[], $5::text[]) AS s(r, e, n)
         ON CONFLICT ("webinarId", "role", "email") DO UPDATE SET "name" = EXCLUDED."name", "syncedAt" = now()
         RETURNING "email"`,
        [
          options.webinarId,
          options.accountId,
          staff.map((s) => s.role),
          staff.map((s) => s.email),
          staff.map((s) => s.name?.trim() || null),
        ],
      );
      const emails = [...new Set([...gone, ...came].map((r) => r.email))];
      const changed = emails.length
        ? await reapplyExclusions(query, options.accountId, emails)
        : { newlyFiltered: 0, released: 0 };
      return { staff: staff.length, ...changed };
    },
    { "gw.applying_exclusions": "on" },
  );
}
