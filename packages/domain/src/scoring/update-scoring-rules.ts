import type { ActivityType, Db } from "@gw/db";
import { invalid } from "../errors/index";
import { ACTIVITY_TYPES } from "./default-scoring-rules";
import { getScoringRules, type ScoringRuleView } from "./get-scoring-rules";

/** Bounds that keep one activity from swamping every other signal (and Int overflow). */
export const MAX_ACTIVITY_POINTS = 1_000;

export interface UpdateScoringRulesOptions {
  db: Pick<Db, "scoringRule" | "$transaction" | "$queryRawUnsafe">;
  accountId: string;
  /** Only the types given change; the others keep their rule or default. */
  rules: { activityType: ActivityType; points: number }[];
}

/**
 * Sets the points of some activity types. Points are stamped on each activity when it is
 * recorded, so new values apply to activities recorded from now on; scores already earned stay.
 */
export async function updateScoringRules({
  db,
  accountId,
  rules,
}: UpdateScoringRulesOptions): Promise<ScoringRuleView[]> {
  const seen = new Set<ActivityType>();
  rules.forEach((rule, index) => {
    if (!ACTIVITY_TYPES.includes(rule.activityType)) {
      throw invalid(
        `rules.${index}.activityType`,
        `rules.${index}.activityType must be one of ${ACTIVITY_TYPES.join(", ")}`,
        rule.activityType,
      );
    }
    if (!Number.isInteger(rule.points) || Math.abs(rule.points) > MAX_ACTIVITY_POINTS) {
      throw invalid(
        `rules.${index}.points`,
        `rules.${index}.points must be a whole number between -${MAX_ACTIVITY_POINTS} and ${MAX_ACTIVITY_POINTS}`,
        rule.points,
      );
    }
    if (seen.has(rule.activityType)) {
      throw invalid(
        `rules.${index}.activityType`,
        `rules.${index}.activityType ${rule.activityType} is given twice`,
        rule.activityType,
      );
    }
    seen.add(rule.activityType);
  });
  await db.$transaction(
    rules.map((rule) =>
      db.scoringRule.upsert({
        where: { accountId_activityType: { accountId, activityType: rule.activityType } },
        create: { accountId, activityType: rule.activityType, points: rule.points },
        update: { points: rule.points },
      }),
    ),
  );
  return getScoringRules({ db, accountId });
}
