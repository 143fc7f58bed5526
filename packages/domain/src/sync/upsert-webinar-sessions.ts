import { type PgQueryDb, pgQuery } from "@gw/db";

export interface SessionInput {
  webinarId: string;
  sessionKey: string;
  startTime: string;
  endTime: string;
  registrantsAttended?: number;
}

export interface UpsertWebinarSessionsOptions {
  db: PgQueryDb;
  sessions: SessionInput[];
}

/** Stores ended sessions (GoTo lists a session only after it ended), of one or many webinars. */
export async function upsertWebinarSessions({ db, sessions }: UpsertWebinarSessionsOptions): Promise<number> {
  if (sessions.length === 0) return 0;
  const unique = [...new Map(sessions.map((s) => [`${s.webinarId}|${s.sessionKey}`, s])).values()];
  // Counted as the rows written (new or changed), as the statement's row count would say.
  const [written] = await pgQuery<{ count: number }>(
    db,
    `WITH written AS (
       INSERT INTO "WebinarSession" ("webinarId", "sessionKey", "startsAt", "endsAt", "registrantsAttended")
       SELECT i.webinar_id, i.session_key, i.starts_at, i.ends_at, i.attended
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::int[])
         AS i(webinar_id, session_key, starts_at, ends_at, attended)
       ON CONFLICT ("webinarId", "sessionKey") DO UPDATE SET
         "startsAt" = EXCLUDED."startsAt", "endsAt" = EXCLUDED."endsAt", "registrantsAttended" = EXCLUDED."registrantsAttended"
       WHERE ("WebinarSession"."startsAt", "WebinarSession"."endsAt", "WebinarSession"."registrantsAttended")
         IS DISTINCT FROM (EXCLUDED."startsAt", EXCLUDED."endsAt", EXCLUDED."registrantsAttended")
       RETURNING 1)
     SELECT count(*)::int AS "count" FROM written`,
    [
      unique.map((s) => s.webinarId),
      unique.map((s) => s.sessionKey),
      unique.map((s) => new Date(s.startTime)),
      unique.map((s) => new Date(s.endTime)),
      unique.map((s) => s.registrantsAttended ?? null),
    ],
  );
  return written?.count ?? 0;
}
