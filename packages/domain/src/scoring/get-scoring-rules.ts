import { type ActivityType, type PgQueryDb, pgQuery } from "@gw/db";
import { ACTIVITY_TYPES, DEFAULT_SCORING_POINTS } from "./default-scoring-rules";

export interface ScoringRuleView {
  activityType: ActivityType;
  points: number;
  /** True when the account has not set this one and the default applies. */
  isDefault: boolean;
  updatedAt: Date | null;
}

export interface GetScoringRulesOptions {
  db: PgQueryDb;
  accountId: string;
}

/** Every activity type with the points it is worth in this account (its own rule or the default). */
export async function getScoringRules({ db, accountId }: GetScoringRulesOptions): Promise<ScoringRuleView[]> {
  // Read on every sync run and registration push: straight to node-postgres (see pgQuery).
  const rows = await pgQuery<{ activityType: ActivityType; points: number; updatedAt: Date }>(
    db,
    `SELECT "activityType", "points", "updatedAt" FROM "ScoringRule" WHERE "accountId" = $1::uuid`,
    [accountId],
  );
  const byType = new Map(rows.map((row) => [row.activityType, row]));
  return ACTIVITY_TYPES.map((activityType) => {
    const row = byType.get(activityType);
    return row
      ? { activityType, points: row.points, isDefault: false, updatedAt: row.updatedAt }
      : { activityType, points: DEFAULT_SCORING_POINTS[activityType], isDefault: true, updatedAt: null };
  });
}

/** The points table used when recording activities: one query per job, not per row. */
export async function getScoringPoints(options: GetScoringRulesOptions): Promise<Record<ActivityType, number>> {
  const rules = await getScoringRules(options);
  return Object.fromEntries(rules.map((rule) => [rule.activityType, rule.points])) as Record<ActivityType, number>;
}
