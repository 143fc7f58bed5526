import { createAccount, createConnector, createProspect, createWebinar, useTestDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { DomainError } from "../src/errors/index";
import {
  DEFAULT_SCORING_POINTS,
  getScoringPoints,
  getScoringRules,
  recordActivities,
  updateScoringRules,
} from "../src/scoring";

const database = useTestDatabase("scoring");

async function setup() {
  const db = database.db;
  const account = await createAccount(db);
  const connector = await createConnector(db, { accountId: account.id });
  const webinar = await createWebinar(db, { accountId: account.id, connectorId: connector.id });
  const prospect = await createProspect(db, { accountId: account.id, score: 3 });
  return { db, account, webinar, prospect };
}

describe("scoring rules", () => {
  it("gives every activity type its default points until the account sets its own", async () => {
    const { db, account } = await setup();
    const rules = await getScoringRules({ db, accountId: account.id });
    expect(rules.map((r) => [r.activityType, r.points, r.isDefault])).toEqual(
      Object.entries(DEFAULT_SCORING_POINTS).map(([type, points]) => [type, points, true]),
    );
  });

  it("keeps an account's own points per type, leaving the other types at their defaults", async () => {
    const { db, account } = await setup();
    const other = await createAccount(db);
    await updateScoringRules({ db, accountId: account.id, rules: [{ activityType: "ATTENDED", points: 50 }] });
    const points = await getScoringPoints({ db, accountId: account.id });
    expect(points).toEqual({ ...DEFAULT_SCORING_POINTS, ATTENDED: 50 });
    expect(await getScoringPoints({ db, accountId: other.id })).toEqual(DEFAULT_SCORING_POINTS);
  });

  it("refuses points that are not whole numbers in range, naming the field", async () => {
    const { db, account } = await setup();
    const attempt = updateScoringRules({
      db,
      accountId: account.id,
      rules: [{ activityType: "REGISTERED", points: 2.5 }],
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: "VALIDATION", details: { field: "rules.0.points" } });
    await expect(
      updateScoringRules({
        db,
        accountId: account.id,
        rules: [
          { activityType: "REGISTERED", points: 5 },
          { activityType: "REGISTERED", points: 1_001 },
        ],
      }),
    ).rejects.toMatchObject({ details: { field: "rules.1.points" } });
  });
});

describe("recording activities", () => {
  it("adds an activity's points to the prospect's score exactly once, however often it is recorded", async () => {
    const { db, account, webinar, prospect } = await setup();
    const points = await getScoringPoints({ db, accountId: account.id });
    const activities = [
      { prospectId: prospect.id, webinarId: webinar.id, type: "REGISTERED" as const, occurredAt: new Date() },
      { prospectId: prospect.id, webinarId: webinar.id, type: "ATTENDED" as const, occurredAt: new Date() },
    ];
    const first = await recordActivities({ db, accountId: account.id, activities, points });
    expect(first).toEqual({ created: 2, updated: 0, pointsAwarded: 35 });
    const again = await recordActivities({
      db,
      accountId: account.id,
      activities: [...activities, ...activities],
      points,
    });
    expect(again).toEqual({ created: 0, updated: 0, pointsAwarded: 0 });
    // Concurrent recorders (a retried job and a webhook) still add the points once.
    await Promise.all(
      Array.from({ length: 5 }, () =>
        recordActivities({ db, accountId: account.id, activities: [{ ...activities[0]!, type: "ACCEPTED" }], points }),
      ),
    );
    const after = await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } });
    expect(after.score).toBe(3 + 10 + 25 + 5);
    expect(await db.activity.count({ where: { prospectId: prospect.id } })).toBe(3);
  });

  it("stamps the points in force when the activity happens: changing a rule does not rescore the past", async () => {
    const { db, account, webinar, prospect } = await setup();
    await recordActivities({
      db,
      accountId: account.id,
      activities: [{ prospectId: prospect.id, webinarId: webinar.id, type: "REGISTERED", occurredAt: new Date() }],
      points: await getScoringPoints({ db, accountId: account.id }),
    });
    await updateScoringRules({
      db,
      accountId: account.id,
      rules: [
        { activityType: "REGISTERED", points: 100 },
        { activityType: "ATTENDED", points: 7 },
      ],
    });
    await recordActivities({
      db,
      accountId: account.id,
      activities: [{ prospectId: prospect.id, webinarId: webinar.id, type: "ATTENDED", occurredAt: new Date() }],
      points: await getScoringPoints({ db, accountId: account.id }),
    });
    const activities = await db.activity.findMany({ where: { prospectId: prospect.id }, orderBy: { type: "asc" } });
    expect(activities.map((a) => [a.type, a.points])).toEqual([
      ["REGISTERED", 10],
      ["ATTENDED", 7],
    ]);
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).score).toBe(3 + 10 + 7);
  });

  it("refreshes details of an existing activity without touching its points or the score", async () => {
    const { db, account, webinar, prospect } = await setup();
    const points = await getScoringPoints({ db, accountId: account.id });
    const base = { prospectId: prospect.id, webinarId: webinar.id, type: "ATTENDED" as const, occurredAt: new Date() };
    await recordActivities({
      db,
      accountId: account.id,
      activities: [{ ...base, details: { seconds: 60 } }],
      points,
      refreshDetails: true,
    });
    const later = await recordActivities({
      db,
      accountId: account.id,
      activities: [{ ...base, details: { seconds: 90 } }],
      points,
      refreshDetails: true,
    });
    expect(later).toEqual({ created: 0, updated: 1, pointsAwarded: 0 });
    const activity = await db.activity.findFirstOrThrow({ where: { prospectId: prospect.id } });
    expect(activity.details).toEqual({ seconds: 90 });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).score).toBe(3 + 25);
  });

  it("writes inside the caller's transaction: a rolled-back transaction leaves no activity and no points", async () => {
    const { db, account, webinar, prospect } = await setup();
    const points = await getScoringPoints({ db, accountId: account.id });
    const activity = {
      prospectId: prospect.id,
      webinarId: webinar.id,
      type: "REGISTERED" as const,
      occurredAt: new Date(),
    };
    const rollback = new Error("roll back");
    await expect(
      db.$transaction(async (tx) => {
        expect(await recordActivities({ db: tx, accountId: account.id, activities: [activity], points })).toMatchObject(
          { created: 1 },
        );
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await db.activity.count({ where: { prospectId: prospect.id } })).toBe(0);
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).score).toBe(3);
  });
});
