import { type ActivityType, type PgQueryDb, pgQuery, retryOnDeadlock } from "@gw/db";

export interface ActivityInput {
  prospectId: string;
  webinarId: string;
  type: ActivityType;
  occurredAt: Date;
  details?: Record<string, unknown>;
}

export interface RecordActivitiesOptions {
  db: PgQueryDb;
  accountId: string;
  activities: ActivityInput[];
  /** Points per type (see getScoringPoints): stamped on each new activity. */
  points: Record<ActivityType, number>;
  /**
   * Refresh `details` of activities that already exist (attendance arriving late adds
   * intervals to ATTENDED). Never changes their time, points or the score.
   */
  refreshDetails?: boolean;
  /** As refreshDetails, for these types only (one statement can then carry every type). */
  refreshDetailsOf?: ActivityType[];
}

export interface RecordActivitiesResult {
  created: number;
  /** Existing activities whose details changed (refreshDetails only). */
  updated: number;
  pointsAwarded: number;
}

/**
 * Records activities, at most one per prospect, webinar and type, and adds each new
 * activity's points to its prospect's score in the same statement: a re-run, a retried job or
 * a concurrent webhook finds the activity there and adds nothing, so points count exactly once.
 */
export async function recordActivities(options: RecordActivitiesOptions): Promise<RecordActivitiesResult> {
  const { db, accountId, points } = options;
  const refreshTypes = options.refreshDetails ? null : (options.refreshDetailsOf ?? []);
  const unique = new Map<string, ActivityInput>();
  for (const activity of options.activities) {
    const key = `${activity.prospectId}|${activity.webinarId}|${activity.type}`;
    if (!unique.has(key)) unique.set(key, activity);
  }
  // A stable order makes concurrent statements lock rows in the same order.
  const rows = [...unique.values()].sort((a, b) =>
    a.prospectId < b.prospectId ? -1 : a.prospectId > b.prospectId ? 1 : a.type < b.type ? -1 : 1,
  );
  if (rows.length === 0) return { created: 0, updated: 0, pointsAwarded: 0 };

  // $8: the types whose details are refreshed (null: all of them); a parameter must be used.
  const refreshes = refreshTypes === null || refreshTypes.length > 0;
  const onConflict = !refreshes
    ? "DO NOTHING"
    : `DO UPDATE SET "details" = EXCLUDED."details"
         WHERE ($8::text[] IS NULL OR EXCLUDED."type"::text = ANY($8::text[]))
           AND "Activity"."details" IS DISTINCT FROM EXCLUDED."details"`;

  const [result] = await retryOnDeadlock(() =>
    pgQuery<{ created: number; updated: number; points: number }>(
      db,
      `WITH input AS (
        SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::int[], $7::jsonb[])
          WITH ORDINALITY AS t(prospect_id, webinar_id, type, occurred_at, points, details, n)
      ), ins AS (
        INSERT INTO "Activity" ("accountId", "prospectId", "webinarId", "type", "occurredAt", "points", "details")
        SELECT $1::uuid, prospect_id, webinar_id, type::"ActivityType", occurred_at, points, details
        FROM input ORDER BY n
        ON CONFLICT ("prospectId", "webinarId", "type") ${onConflict}
        RETURNING "prospectId", "points", (xmax = 0) AS inserted
      ), sums AS (
        SELECT "prospectId", SUM("points")::int AS points FROM ins WHERE inserted GROUP BY 1 HAVING SUM("points") <> 0
      ), scored AS (
        UPDATE "Prospect" p SET "score" = p."score" + sums.points, "updatedAt" = now()
        FROM sums WHERE p."id" = sums."prospectId"
        RETURNING p."id"
      )
      SELECT
        (count(*) FILTER (WHERE inserted))::int AS created,
        (count(*) FILTER (WHERE NOT inserted))::int AS updated,
        COALESCE(SUM("points") FILTER (WHERE inserted), 0)::int AS points
      FROM ins`,
      [
        accountId,
        rows.map((r) => r.prospectId),
        rows.map((r) => r.webinarId),
        rows.map((r) => r.type),
        rows.map((r) => r.occurredAt),
        rows.map((r) => points[r.type] ?? 0),
        rows.map((r) => JSON.stringify(r.details ?? {})),
        ...(refreshes ? [refreshTypes] : []),
      ],
    ),
  );
  return { created: result?.created ?? 0, updated: result?.updated ?? 0, pointsAwarded: result?.points ?? 0 };
}
