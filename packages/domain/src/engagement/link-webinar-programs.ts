import { type PgQueryDb, pgQuery } from "@gw/db";

/**
 * Groups a connector's series sessions into programs: GoTo gives each session of a series its
 * own webinarKey, sharing a recurrenceKey. A series session whose recurrenceKey GoTo did not
 * send is grouped by subject (`subject:<lower-cased subject>`) until a key arrives (webhook
 * webinar.created carries it), so a series never shows as unrelated webinars.
 */
export interface LinkWebinarProgramsOptions {
  db: PgQueryDb;
  connectorId: string;
}

export async function linkWebinarPrograms({ db, connectorId }: LinkWebinarProgramsOptions): Promise<number> {
  const [row] = await pgQuery<{ linked: number }>(
    db,
    `WITH series AS (
       SELECT w."id", w."accountId", w."subject", w."startsAt",
              COALESCE(w."recurrenceKey", 'subject:' || lower(w."subject")) AS key
       FROM "Webinar" w
       WHERE w."connectorId" = $1::uuid AND (w."recurrenceType" = 'series' OR w."recurrenceKey" IS NOT NULL)
     ), programs AS (
       INSERT INTO "WebinarProgram" ("accountId", "connectorId", "recurrenceKey", "subject", "updatedAt")
       SELECT DISTINCT ON (key) "accountId", $1::uuid, key, "subject", now() FROM series ORDER BY key, "startsAt"
       ON CONFLICT ("connectorId", "recurrenceKey") DO UPDATE SET "subject" = EXCLUDED."subject", "updatedAt" = now()
         WHERE "WebinarProgram"."subject" IS DISTINCT FROM EXCLUDED."subject"
       RETURNING "id", "recurrenceKey"
     ), keyed AS (
       SELECT p."id", p."recurrenceKey" FROM programs p
       UNION
       SELECT p."id", p."recurrenceKey" FROM "WebinarProgram" p WHERE p."connectorId" = $1::uuid
     ), linked AS (
       UPDATE "Webinar" w SET "programId" = k."id", "updatedAt" = now()
       FROM series s JOIN keyed k ON k."recurrenceKey" = s.key
       WHERE w."id" = s."id" AND w."programId" IS DISTINCT FROM k."id"
       RETURNING 1
     )
     SELECT count(*)::int AS linked FROM linked`,
    [connectorId],
  );
  return row?.linked ?? 0;
}
