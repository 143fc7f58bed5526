import type { ActivityType, Db } from "@gw/db";
import { ACTIVITY_TYPES, DEFAULT_SCORING_POINTS } from "./default-scoring-rules";

export interface ScoringRuleView {
  activityType: ActivityType;
  points: number;
  /** True when the account has not set this one and the default applies. */
  isDefault: boolean;
  updatedAt: Date | null;
}

export interface GetScoringRulesOptions {
  db: Pick<Db, "scoringRule">;
  accountId: string;
}

/** Every activity type with the points it is worth in this account (its own rule or the default). */
export async function getScoringRules({ db, accountId }: GetScoringRulesOptions): Promise<ScoringRuleView[]> {
  const rows = await db.scoringRule.findMany({ where: { accountId } });
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
