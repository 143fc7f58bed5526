import { type PgQueryDb, pgQuery, retryOnDeadlock } from "@gw/db";
import { erasedEmailHash } from "../privacy/erased-email-hash";
import { findProspectsByEmail } from "./find-prospects-by-email";
import { emailKey, normalizeEmail } from "./normalize-email";

/** What GoTo knows about a person: only these three fields come from GoTo's own registration page. */
export interface GotoPerson {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  /** When the person registered in GoTo: after an erasure, a later registration is a new consent. */
  registeredAt?: Date | null;
}

export interface UpsertGotoProspectsOptions {
  db: PgQueryDb;
  accountId: string;
  people: GotoPerson[];
  /** The connector's setting: when false, unknown people are skipped, known ones still match. */
  createProspects: boolean;
  /** Campaign given to prospects created here (the connector's). */
  campaignId: string | null;
}

export interface UpsertGotoProspectsResult {
  /** emailKey → prospect id (the surviving master for merged-away e-mails). */
  prospectIdByEmail: Map<string, string>;
  created: number;
  /** Known prospects that had a blank name GoTo could fill. */
  updated: number;
  /** Unknown people not created because createProspects is off. */
  skipped: number;
  /** How many e-mails matched a merged-away record and went to its master. */
  merged: number;
}

const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Finds or creates the prospects for GoTo registrants/attendees in three batch statements.
 * Existing values are never replaced: GoTo only fills fields that are blank, so a name a
 * marketer corrected, or a form filled in, is not flipped back on every poll.
 */
export async function upsertGotoProspects(options: UpsertGotoProspectsOptions): Promise<UpsertGotoProspectsResult> {
  const { db, accountId, createProspects, campaignId } = options;
  const people = new Map<string, GotoPerson>();
  for (const person of options.people) {
    const email = normalizeEmail(person.email ?? "");
    if (!email) continue;
    const key = emailKey(email);
    const seen = people.get(key);
    people.set(key, {
      email: seen?.email ?? email,
      firstName: seen?.firstName ?? blank(person.firstName),
      lastName: seen?.lastName ?? blank(person.lastName),
      registeredAt: seen?.registeredAt ?? person.registeredAt ?? null,
    });
  }
  await dropErasedPeople(db, accountId, people);
  const result: UpsertGotoProspectsResult = {
    prospectIdByEmail: new Map(),
    created: 0,
    updated: 0,
    skipped: 0,
    merged: 0,
  };
  if (people.size === 0) return result;

  const matches = await findProspectsByEmail({ db, accountId, emails: [...people.keys()] });
  const known: { id: string; person: GotoPerson }[] = [];
  const unknown: GotoPerson[] = [];
  for (const [key, person] of people) {
    const match = matches.get(key);
    if (match) {
      result.prospectIdByEmail.set(key, match.prospectId);
      if (match.via === "merged") result.merged++;
      known.push({ id: match.prospectId, person });
    } else {
      unknown.push(person);
    }
  }

  // Fill blank names of known prospects (several e-mails may lead to one master: first wins).
  const fill = new Map<string, GotoPerson>();
  for (const { id, person } of known) if ((person.firstName || person.lastName) && !fill.has(id)) fill.set(id, person);
  if (fill.size > 0) {
    const ids = [...fill.keys()].sort();
    const [filled] = await retryOnDeadlock(() =>
      pgQuery<{ count: number }>(
        db,
        `WITH filled AS (
          UPDATE "Prospect" p SET
            "firstName" = COALESCE(NULLIF(btrim(p."firstName"), ''), i.first_name),
            "lastName" = COALESCE(NULLIF(btrim(p."lastName"), ''), i.last_name),
            "updatedAt" = now()
          FROM unnest($1::uuid[], $2::text[], $3::text[]) AS i(id, first_name, last_name)
          WHERE p."id" = i.id
            AND ((NULLIF(btrim(p."firstName"), '') IS NULL AND i.first_name IS NOT NULL)
              OR (NULLIF(btrim(p."lastName"), '') IS NULL AND i.last_name IS NOT NULL))
          RETURNING 1
        )
        SELECT count(*)::int AS count FROM filled`,
        [ids, ids.map((id) => fill.get(id)?.firstName ?? null), ids.map((id) => fill.get(id)?.lastName ?? null)],
      ),
    );
    result.updated = filled?.count ?? 0;
  }

  if (!createProspects) {
    result.skipped = unknown.length;
    return result;
  }
  if (unknown.length > 0) {
    unknown.sort((a, b) => (emailKey(a.email) < emailKey(b.email) ? -1 : 1));
    // ON CONFLICT covers a concurrent job (or form) creating the same person meanwhile.
    const rows = await retryOnDeadlock(() =>
      pgQuery<{ id: string; key: string; inserted: boolean }>(
        db,
        `INSERT INTO "Prospect" ("accountId", "email", "firstName", "lastName", "campaignId", "source", "updatedAt")
        SELECT $1::uuid, i.email, i.first_name, i.last_name, $2::uuid, 'GOTO_SYNC'::"ProspectSource", now()
        FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS i(email, first_name, last_name, n)
        ORDER BY i.n
        ON CONFLICT ("accountId", lower("email")) WHERE "mergedIntoId" IS NULL DO UPDATE SET
          "firstName" = COALESCE(NULLIF(btrim("Prospect"."firstName"), ''), EXCLUDED."firstName"),
          "lastName" = COALESCE(NULLIF(btrim("Prospect"."lastName"), ''), EXCLUDED."lastName")
        RETURNING "id", lower("email") AS key, (xmax = 0) AS inserted`,
        [
          accountId,
          campaignId,
          unknown.map((p) => p.email),
          unknown.map((p) => p.firstName ?? null),
          unknown.map((p) => p.lastName ?? null),
        ],
      ),
    );
    for (const row of rows) {
      result.prospectIdByEmail.set(row.key, row.id);
      if (row.inserted) result.created++;
    }
  }
  return result;
}

/**
 * People erased from this account (GDPR) are not brought back by a later poll of a webinar they
 * had registered for; one who registered in GoTo after the erasure has registered again, and the
 * erasure's mark is lifted.
 */
async function dropErasedPeople(db: PgQueryDb, accountId: string, people: Map<string, GotoPerson>): Promise<void> {
  if (people.size === 0) return;
  const hashes = new Map([...people.entries()].map(([key, person]) => [erasedEmailHash(accountId, person.email), key]));
  const erased = await pgQuery<{ emailHash: string; erasedAt: Date }>(
    db,
    `SELECT "emailHash", "erasedAt" FROM "ErasedEmail" WHERE "accountId" = $1::uuid AND "emailHash" = ANY($2::text[])`,
    [accountId, [...hashes.keys()]],
  );
  const again: string[] = [];
  for (const row of erased) {
    const key = hashes.get(row.emailHash)!;
    const registeredAt = people.get(key)?.registeredAt;
    if (registeredAt && registeredAt.getTime() > row.erasedAt.getTime()) again.push(row.emailHash);
    else people.delete(key);
  }
  if (again.length > 0)
    await pgQuery(db, `DELETE FROM "ErasedEmail" WHERE "accountId" = $1::uuid AND "emailHash" = ANY($2::text[])`, [
      accountId,
      again,
    ]);
}
