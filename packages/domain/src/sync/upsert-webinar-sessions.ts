import type { Db } from "@gw/db";

export interface SessionInput {
  webinarId: string;
  sessionKey: string;
  startTime: string;
  endTime: string;
  registrantsAttended?: number;
}

export interface UpsertWebinarSessionsOptions {
  db: Pick<Db, "$executeRaw">;
  sessions: SessionInput[];
}

/** Stores ended sessions (GoTo lists a session only after it ended), of one or many webinars. */
export async function upsertWebinarSessions({ db, sessions }: UpsertWebinarSessionsOptions): Promise<number> {
  if (sessions.length === 0) return 0;
  const unique = [...new Map(sessions.map((s) => [`${s.webinarId}|${s.sessionKey}`, s])).values()];
  return db.$executeRaw`
    INSERT INTO "WebinarSession" ("webinarId", "sessionKey", "startsAt", "endsAt", "registrantsAttended")
    SELECT i.webinar_id, i.session_key, i.starts_at, i.ends_at, i.attended
    FROM unnest(
      ${unique.map((s) => s.webinarId)}::uuid[],
      ${unique.map((s) => s.sessionKey)}::text[],
      ${unique.map((s) => new Date(s.startTime))}::timestamptz[],
      ${unique.map((s) => new Date(s.endTime))}::timestamptz[],
      ${unique.map((s) => s.registrantsAttended ?? null)}::int[]
    ) AS i(webinar_id, session_key, starts_at, ends_at, attended)
    ON CONFLICT ("webinarId", "sessionKey") DO UPDATE SET
      "startsAt" = EXCLUDED."startsAt", "endsAt" = EXCLUDED."endsAt", "registrantsAttended" = EXCLUDED."registrantsAttended"
    WHERE ("WebinarSession"."startsAt", "WebinarSession"."endsAt", "WebinarSession"."registrantsAttended")
      IS DISTINCT FROM (EXCLUDED."startsAt", EXCLUDED."endsAt", EXCLUDED."registrantsAttended")`;
}
