import { type PgQueryDb, type PgTransactionQuery, pgQuery } from "@gw/db";
import type { WebinarStaffRole } from "./exclusion-rules";

/** The account's ($1) webinars no sync reads again, newest first (see listWebinarsWithoutStaffSync). */
export const WEBINARS_WITHOUT_STAFF_SYNC = `SELECT w."id" FROM "Webinar" w JOIN "Connector" c ON c."id" = w."connectorId"
  WHERE w."accountId" = $1::uuid AND w."status" <> 'CANCELLED' AND w."nextPollAt" IS NULL AND w."nextAttendanceSyncAt" IS NULL
    AND c."status" = 'VERIFIED' AND c."deletedAt" IS NULL
  ORDER BY w."startsAt" DESC`;

/** One fetch-webinar-staff job's payload, as the outbox holds it. */
export interface StaffFetch {
  webinarId: string;
  roles: WebinarStaffRole[];
}

/**
 * Records, in the caller's transaction (the one saving the rules), a staff fetch of `roles` for
 * each of the account's webinars no sync reads again. A webinar already waiting for another role
 * waits for both.
 */
export async function requestStaffFetches(
  query: PgTransactionQuery,
  accountId: string,
  roles: WebinarStaffRole[],
): Promise<StaffFetch[]> {
  if (roles.length === 0) return [];
  return query<StaffFetch>(
    `INSERT INTO "WebinarStaffFetch" AS f ("webinarId", "roles")
     SELECT s."id", $2::"WebinarStaffRole"[] FROM (${WEBINARS_WITHOUT_STAFF_SYNC}) s
     ON CONFLICT ("webinarId") DO UPDATE SET
       "roles" = ARRAY(SELECT DISTINCT r FROM unnest(f."roles" || EXCLUDED."roles") r ORDER BY r),
       "requestedAt" = now(), "queuedAt" = NULL
     RETURNING f."webinarId", f."roles"::text[] AS "roles"`,
    [accountId, roles],
  );
}

export interface QueueStaffFetchesOptions {
  db: PgQueryDb;
  /** Hands one chunk of jobs to Redis (enqueueAll of fetchWebinarStaffJob); throws when Redis refuses. */
  enqueue: (fetches: StaffFetch[]) => Promise<unknown>;
  /** These (just requested); otherwise the outbox's rows never queued or queued longer ago than staleAfterMs. */
  fetches?: StaffFetch[];
  staleAfterMs?: number;
  /** Jobs per Redis call. */
  chunkSize?: number;
  limit?: number;
}

/** A row queued this long ago whose job left no trace (a flushed Redis, a job failed for good) is queued again. */
export const STAFF_FETCH_REQUEUE_AFTER_MS = 15 * 60_000;

/**
 * Hands staff fetches from the outbox to Redis, chunk by chunk, each chunk marked queued once
 * Redis took it. A chunk Redis refuses stops the round and is thrown: what was not taken stays
 * unqueued, and the dispatcher's next tick tries again (job ids are deterministic, so a job
 * queued twice runs once). Returns how many were handed over.
 */
export async function queueStaffFetches(options: QueueStaffFetchesOptions): Promise<number> {
  const chunkSize = options.chunkSize ?? 500;
  const fetches =
    options.fetches ??
    (await pgQuery<StaffFetch>(
      options.db,
      `SELECT "webinarId", "roles"::text[] AS "roles" FROM "WebinarStaffFetch"
       WHERE "queuedAt" IS NULL OR "queuedAt" < now() - make_interval(secs => $1::double precision / 1000)
       ORDER BY "requestedAt", "webinarId" LIMIT $2::int`,
      [options.staleAfterMs ?? STAFF_FETCH_REQUEUE_AFTER_MS, options.limit ?? 5_000],
    ));
  let queued = 0;
  for (let i = 0; i < fetches.length; i += chunkSize) {
    const chunk = fetches.slice(i, i + chunkSize);
    await options.enqueue(chunk);
    await pgQuery(options.db, `UPDATE "WebinarStaffFetch" SET "queuedAt" = now() WHERE "webinarId" = ANY($1::uuid[])`, [
      chunk.map((f) => f.webinarId),
    ]);
    queued += chunk.length;
  }
  return queued;
}

/** A job for `roles` ran to its end (fetched, or nothing left to fetch): its row goes, unless it now asks for more roles. */
export async function completeStaffFetch(options: {
  db: PgQueryDb;
  webinarId: string;
  roles: readonly WebinarStaffRole[];
}): Promise<void> {
  await pgQuery(
    options.db,
    `DELETE FROM "WebinarStaffFetch" WHERE "webinarId" = $1::uuid AND "roles" <@ $2::"WebinarStaffRole"[]`,
    [options.webinarId, [...options.roles]],
  );
}
