import { type Db, pgQuery } from "@gw/db";

export interface WebinarSourceRow {
  /** The source label told to GoTo; null for registrations without one (GoTo's own page). */
  source: string | null;
  registered: number;
  attended: number;
}

/**
 * Registrations (not cancelled) and attendance of one webinar per source, most registrations
 * first, at most `limit` sources (default 50). Filtered prospects count as in the webinar's totals.
 */
export async function listWebinarSources(options: {
  db: Db;
  webinarId: string;
  limit?: number;
}): Promise<WebinarSourceRow[]> {
  return pgQuery<WebinarSourceRow>(
    options.db,
    `SELECT r."sourceLabel" AS "source", count(*)::int AS "registered",
       count(*) FILTER (WHERE r."attended")::int AS "attended"
     FROM "WebinarRegistration" r
     WHERE r."webinarId" = $1::uuid AND r."status" <> 'CANCELLED'
     GROUP BY r."sourceLabel"
     ORDER BY count(*) DESC, r."sourceLabel" ASC NULLS LAST
     LIMIT $2`,
    [options.webinarId, options.limit ?? 50],
  );
}
