import { z } from "zod";
import type { RequestOf, ResponseOf } from "./common";
import { ACTIVITY_TYPES, activityType } from "./prospects";

/** The most points (either way) one activity type may be worth. */
export const MAX_ACTIVITY_POINTS = 1_000;
/** Points a rule may give or take, for an activity type or an attendance threshold alike. */
const rulePoints = z.number().int().min(-MAX_ACTIVITY_POINTS).max(MAX_ACTIVITY_POINTS);

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
        points: rulePoints,
      }),
    )
    .min(1)
    .max(ACTIVITY_TYPES.length),
});

export type ScoringRule = ResponseOf<typeof scoringRule>;
export type ScoringRulesBody = RequestOf<typeof scoringRulesBody>;
export type ScoringRules = ResponseOf<typeof scoringRules>;

/** At most this many attendance threshold rules per account. */
export const MAX_ATTENDANCE_RULES = 20;

export const attendanceScoringRule = z
  .object({
    id: z.uuid(),
    minMinutes: z.number().int().nullable().describe("attended at least this many minutes"),
    minPercent: z.number().int().nullable().describe("attended at least this % of the session"),
    points: z.number().int(),
  })
  .meta({ id: "AttendanceScoringRule" });
export const attendanceScoringRules = z.object({ rules: z.array(attendanceScoringRule) });

export const attendanceScoringRulesBody = z.object({
  rules: z
    .array(
      z.object({
        minMinutes: z.number().int().min(1).max(1440).nullable().optional(),
        minPercent: z.number().int().min(1).max(100).nullable().optional(),
        points: rulePoints,
      }),
    )
    .max(MAX_ATTENDANCE_RULES),
});

export type AttendanceScoringRule = ResponseOf<typeof attendanceScoringRule>;
export type AttendanceScoringRulesBody = RequestOf<typeof attendanceScoringRulesBody>;
