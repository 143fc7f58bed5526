import type { Db } from "@gw/db";
import { invalid } from "../errors/index";
import { MAX_ACTIVITY_POINTS } from "./update-scoring-rules";

export interface AttendanceScoringRuleView {
  id: string;
  /** Attended at least this many minutes (null: no minute threshold). */
  minMinutes: number | null;
  /** Attended at least this share of the session, 0-100 (null: no percent threshold). */
  minPercent: number | null;
  points: number;
}

export const MAX_ATTENDANCE_RULES = 20;

export async function listAttendanceScoringRules(options: {
  db: Db;
  accountId: string;
}): Promise<AttendanceScoringRuleView[]> {
  return options.db.attendanceScoringRule.findMany({
    where: { accountId: options.accountId },
    select: { id: true, minMinutes: true, minPercent: true, points: true },
    orderBy: [{ minMinutes: "asc" }, { minPercent: "asc" }, { createdAt: "asc" }],
  });
}

export interface SetAttendanceScoringRulesOptions {
  db: Db;
  accountId: string;
  rules: { minMinutes?: number | null; minPercent?: number | null; points: number }[];
}

/**
 * Replaces the account's attendance threshold rules ("attended at least N minutes", "at least
 * P % of the session"). Points already awarded stay; a rule kept unchanged keeps its awards
 * (so it pays nobody twice), a new or changed rule applies from the next attendance sync.
 */
export async function setAttendanceScoringRules(
  options: SetAttendanceScoringRulesOptions,
): Promise<AttendanceScoringRuleView[]> {
  const { db, accountId, rules } = options;
  if (rules.length > MAX_ATTENDANCE_RULES) {
    throw invalid("rules", `at most ${MAX_ATTENDANCE_RULES} attendance rules`, rules.length);
  }
  rules.forEach((rule, i) => {
    const minutes = rule.minMinutes ?? null;
    const percent = rule.minPercent ?? null;
    if (minutes === null && percent === null) {
      throw invalid(`rules.${i}`, `rules.${i} needs minMinutes or minPercent (or both)`, rule);
    }
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60)) {
      throw invalid(`rules.${i}.minMinutes`, `rules.${i}.minMinutes must be a whole number from 1 to 1440`, minutes);
    }
    if (percent !== null && (!Number.isInteger(percent) || percent < 1 || percent > 100)) {
      throw invalid(`rules.${i}.minPercent`, `rules.${i}.minPercent must be a whole number from 1 to 100`, percent);
    }
    if (!Number.isInteger(rule.points) || Math.abs(rule.points) > MAX_ACTIVITY_POINTS) {
      throw invalid(
        `rules.${i}.points`,
        `rules.${i}.points must be a whole number between -${MAX_ACTIVITY_POINTS} and ${MAX_ACTIVITY_POINTS}`,
        rule.points,
      );
    }
  });
  const existing = await listAttendanceScoringRules({ db, accountId });
  const key = (r: { minMinutes?: number | null; minPercent?: number | null; points: number }) =>
    `${r.minMinutes ?? ""}|${r.minPercent ?? ""}|${r.points}`;
  const wanted = new Set(rules.map(key));
  const kept = new Set(existing.filter((r) => wanted.has(key(r))).map(key));
  await db.$transaction([
    db.attendanceScoringRule.deleteMany({
      where: { accountId, id: { in: existing.filter((r) => !wanted.has(key(r))).map((r) => r.id) } },
    }),
    db.attendanceScoringRule.createMany({
      data: [...new Map(rules.filter((r) => !kept.has(key(r))).map((r) => [key(r), r])).values()].map((r) => ({
        accountId,
        minMinutes: r.minMinutes ?? null,
        minPercent: r.minPercent ?? null,
        points: r.points,
      })),
    }),
  ]);
  return listAttendanceScoringRules({ db, accountId });
}
