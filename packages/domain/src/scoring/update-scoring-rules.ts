import { type ActivityType, type PgQueryDb, pgQuery } from "@gw/db";
import { invalid } from "../errors/index";
import { ACTIVITY_TYPES } from "./default-scoring-rules";
import { getScoringRules, type ScoringRuleView } from "./get-scoring-rules";

/** Bounds that keep one activity from swamping every other signal (and Int overflow). */
export const MAX_ACTIVITY_POINTS = 1_000;

export interface UpdateScoringRulesOptions {
  db: PgQueryDb;
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
  // One statement for every rule given (atomic like the upserts it replaces), then the same read
  // every sync run uses: the function stays on one query path.
  await pgQuery(
    db,
    `INSERT INTO "ScoringRule" ("accountId", "activityType", "points", "updatedAt")
     SELECT $1::uuid, i.activity_type, i.points, now() FROM unnest($2::"ActivityType"[], $3::int[]) AS i(activity_type, points)
     ON CONFLICT ("accountId", "activityType") DO UPDATE SET "points" = EXCLUDED."points", "updatedAt" = EXCLUDED."updatedAt"`,
    [accountId, rules.map((rule) => rule.activityType), rules.map((rule) => rule.points)],
  );
  return getScoringRules({ db, accountId });
}
