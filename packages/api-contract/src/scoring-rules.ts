import { z } from "zod";
import type { RequestOf, ResponseOf } from "./common";
import { ACTIVITY_TYPES, activityType } from "./prospects";

/** The most points (either way) one activity type may be worth. */
export const MAX_ACTIVITY_POINTS = 1_000;

export const scoringRule = z
  .object({
    activityType,
    points: z.number().int(),
    isDefault: z.boolean().describe("true while the account has not set this type and the default applies"),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: "ScoringRule" });
export const scoringRules = z.object({ rules: z.array(scoringRule) });

export const scoringRulesBody = z.object({
  rules: z
    .array(
      z.object({
        activityType,
        points: z.number().int().min(-MAX_ACTIVITY_POINTS).max(MAX_ACTIVITY_POINTS),
      }),
    )
    .min(1)
    .max(ACTIVITY_TYPES.length),
});

export type ScoringRule = ResponseOf<typeof scoringRule>;
export type ScoringRulesBody = RequestOf<typeof scoringRulesBody>;
export type ScoringRules = ResponseOf<typeof scoringRules>;
