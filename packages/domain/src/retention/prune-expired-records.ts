import type { PgQueryDb } from "@gw/db";
import { type BatchLimits, deleteInBatches } from "./delete-in-batches";

/** Days each kind of record is kept; see the README's retention settings. */
export interface RetentionPeriods {
  /** Finished sync runs (what each job did): the Sync activity page's history. */
  syncRunDays: number;
  /** A form submission's raw answers, IP address and user agent (the submission, its consents and UTM stay). */
  formSubmissionPayloadDays: number;
  /** Registration requests that succeeded or failed for good (pending ones are never removed). */
  registrationRequestDays: number;
  /** The keys that recognise a resent form page. */
  formSubmissionKeyDays: number;
  /** The change log behind the participation feed, once the outbound fan-out has read it. */
  changeEventDays: number;
}

export interface PruneExpiredRecordsOptions extends BatchLimits {
  db: PgQueryDb;
  retention: RetentionPeriods;
  now?: Date;
}

export interface PrunedRecords {
  syncRuns: number;
  formSubmissionPayloads: number;
  registrationRequests: number;
  formSubmissionKeys: number;
  changeEvents: number;
}

/** The cursor the change-log retention leaves behind: a feed cursor below it lost changes. */
export const CHANGE_RETENTION_CURSOR = "retention";

const DAY_MS = 86_400_000;

/**
 * The passes over tables that only grow (submissions, registration requests): each finds what is
 * due through a partial index of the rows it may still touch (retention_indexes migration), so an
 * hour with nothing due costs an empty index probe, not a sequential scan. `$1` is the batch size,
 * `$2` the age limit. Exported for the test that holds them to their index.
 */
export const RETENTION_STATEMENTS = {
  formSubmissionPayloads: `UPDATE "FormSubmission" SET "data" = '{}'::jsonb, "ip" = NULL, "userAgent" = NULL WHERE "id" IN (
       SELECT "id" FROM "FormSubmission"
       WHERE "createdAt" < $2::timestamptz AND ("data" <> '{}'::jsonb OR "ip" IS NOT NULL OR "userAgent" IS NOT NULL)
       ORDER BY "createdAt" LIMIT $1)`,
  registrationRequests: `DELETE FROM "RegistrationRequest" WHERE "id" IN (
       SELECT "id" FROM "RegistrationRequest"
       WHERE "status" IN ('SUCCEEDED', 'FAILED') AND COALESCE("completedAt", "updatedAt") < $2::timestamptz
       ORDER BY COALESCE("completedAt", "updatedAt") LIMIT $1)`,
} as const;

/**
 * Removes what is past its retention, oldest first, in small batches (one short statement each).
 * What a consumer still needs is never removed: running sync runs, pending registration
 * requests, and change events the outbound fan-out has not read yet (past every fan-out cursor)
 * stay whatever their age. Each change-log pass records how far it removed, so the participation
 * feed can tell a reader whose cursor is older that changes were lost (instead of a silent gap).
 */
export async function pruneExpiredRecords(options: PruneExpiredRecordsOptions): Promise<PrunedRecords> {
  const { db, retention } = options;
  const now = options.now ?? new Date();
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const limits = { batchSize: options.batchSize, maxBatches: options.maxBatches };

  const syncRuns = await deleteInBatches(
    db,
    `DELETE FROM "SyncRun" WHERE "id" IN (
       SELECT "id" FROM "SyncRun" WHERE "status" <> 'RUNNING' AND "startedAt" < $2::timestamptz
       ORDER BY "startedAt" LIMIT $1)`,
    [before(retention.syncRunDays)],
    limits,
  );
  const formSubmissionPayloads = await deleteInBatches(
    db,
    RETENTION_STATEMENTS.formSubmissionPayloads,
    [before(retention.formSubmissionPayloadDays)],
    limits,
  );
  const registrationRequests = await deleteInBatches(
    db,
    RETENTION_STATEMENTS.registrationRequests,
    [before(retention.registrationRequestDays)],
    limits,
  );
  const formSubmissionKeys = await deleteInBatches(
    db,
    `DELETE FROM "FormSubmissionKey" WHERE ("formId", "fingerprint") IN (
       SELECT "formId", "fingerprint" FROM "FormSubmissionKey" WHERE "createdAt" < $2::timestamptz
       ORDER BY "createdAt" LIMIT $1)`,
    [before(retention.formSubmissionKeyDays)],
    limits,
  );
  // Below every fan-out cursor only (none yet: nothing is removed), and the horizon moves with
  // each batch in the same statement.
  const changeEvents = await deleteInBatches(
    db,
    `WITH gone AS (
       DELETE FROM "ChangeEvent" WHERE "id" IN (
         SELECT e."id" FROM "ChangeEvent" e
         WHERE e."createdAt" < $2::timestamptz
           AND EXISTS (SELECT 1 FROM "ChangeCursor" c WHERE c."name" <> $3)
           AND NOT EXISTS (SELECT 1 FROM "ChangeCursor" c
                           WHERE c."name" <> $3 AND (e."txid", e."id") > (c."txid", c."lastId"))
         ORDER BY e."txid", e."id" LIMIT $1)
       RETURNING "txid", "id"
     ), last AS (SELECT "txid", "id" FROM gone ORDER BY "txid" DESC, "id" DESC LIMIT 1),
     mark AS (
       INSERT INTO "ChangeCursor" ("name", "txid", "lastId", "updatedAt")
       SELECT $3, "txid", "id", now() FROM last
       ON CONFLICT ("name") DO UPDATE SET "txid" = EXCLUDED."txid", "lastId" = EXCLUDED."lastId", "updatedAt" = now()
         WHERE ("ChangeCursor"."txid", "ChangeCursor"."lastId") < (EXCLUDED."txid", EXCLUDED."lastId")
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM gone)::int AS n`,
    [before(retention.changeEventDays), CHANGE_RETENTION_CURSOR],
    { ...limits, counted: true },
  );
  return { syncRuns, formSubmissionPayloads, registrationRequests, formSubmissionKeys, changeEvents };
}
