import { describe, expect, it } from "vitest";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { asUser, useTestApi } from "./helpers";

const api = useTestApi("scoringrules");
const user = useUser(api);

describe("scoring rules API", () => {
  it("needs a session", async () => {
    expect((await api.app.inject({ method: "GET", url: "/api/scoring-rules" })).statusCode).toBe(401);
  });

  it("lists every activity type with its default points", async () => {
    const res = await asUser(api, user).get("/api/scoring-rules");
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toEqual([
      { activityType: "REGISTERED", points: 10, isDefault: true, updatedAt: null },
      { activityType: "ACCEPTED", points: 5, isDefault: true, updatedAt: null },
      { activityType: "ATTENDED", points: 25, isDefault: true, updatedAt: null },
      { activityType: "CANCELLED", points: 0, isDefault: true, updatedAt: null },
      { activityType: "ABSENT", points: 0, isDefault: true, updatedAt: null },
      { activityType: "ATTENDED_LIVE", points: 0, isDefault: true, updatedAt: null },
      { activityType: "WATCHED_ON_DEMAND", points: 0, isDefault: true, updatedAt: null },
      { activityType: "ASKED_QUESTION", points: 10, isDefault: true, updatedAt: null },
      { activityType: "ANSWERED_POLL", points: 5, isDefault: true, updatedAt: null },
      { activityType: "ANSWERED_SURVEY", points: 5, isDefault: true, updatedAt: null },
    ]);
  });

  it("sets the points of the types given, for this account only", async () => {
    const res = await asUser(api, user).put("/api/scoring-rules", {
      rules: [
        { activityType: "ATTENDED", points: 40 },
        { activityType: "CANCELLED", points: -5 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .rules.map((r: { activityType: string; points: number; isDefault: boolean }) => [
          r.activityType,
          r.points,
          r.isDefault,
        ]),
    ).toEqual([
      ["REGISTERED", 10, true],
      ["ACCEPTED", 5, true],
      ["ATTENDED", 40, false],
      ["CANCELLED", -5, false],
      ["ABSENT", 0, true],
      ["ATTENDED_LIVE", 0, true],
      ["WATCHED_ON_DEMAND", 0, true],
      ["ASKED_QUESTION", 10, true],
      ["ANSWERED_POLL", 5, true],
      ["ANSWERED_SURVEY", 5, true],
    ]);
    const other = await createUserAndLogin(api);
    const theirs = await asUser(api, other).get("/api/scoring-rules");
    expect(theirs.json().rules.find((r: { activityType: string }) => r.activityType === "ATTENDED").points).toBe(25);
  });

  it("sets every activity type at once", async () => {
    const all = ["REGISTERED", "ACCEPTED", "ATTENDED", "CANCELLED", "ABSENT", "ATTENDED_LIVE", "WATCHED_ON_DEMAND"]
      .concat(["ASKED_QUESTION", "ANSWERED_POLL", "ANSWERED_SURVEY"])
      .map((activityType, i) => ({ activityType, points: i }));
    const res = await asUser(api, user).put("/api/scoring-rules", { rules: all });
    expect(res.statusCode).toBe(200);
    expect(res.json().rules.map((r: { points: number }) => r.points)).toEqual(all.map((r) => r.points));
  });

  it("replaces attendance threshold rules and says what to fix in a bad one", async () => {
    const put = (rules: unknown[]) => asUser(api, user).put("/api/scoring-rules/attendance", { rules });
    const res = await put([
      { minMinutes: 30, points: 10 },
      { minPercent: 75, points: 15 },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toEqual([
      { id: expect.any(String), minMinutes: 30, minPercent: null, points: 10 },
      { id: expect.any(String), minMinutes: null, minPercent: 75, points: 15 },
    ]);
    const kept = res.json().rules[0].id;
    const again = await put([{ minMinutes: 30, points: 10 }]);
    expect(again.json().rules).toEqual([{ id: kept, minMinutes: 30, minPercent: null, points: 10 }]);
    const neither = await put([{ points: 5 }]);
    expect(neither.statusCode).toBe(400);
    expect(neither.json().message).toMatch(/minMinutes or minPercent/);
    const tooMuch = await put([{ minPercent: 150, points: 5 }]);
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().fields[0].field).toBe("body.rules.0.minPercent");
    const got = await asUser(api, user).get("/api/scoring-rules/attendance");
    expect(got.json().rules).toHaveLength(1);
  });

  it("answers 400 naming the field for bad points or an unknown type", async () => {
    const fraction = await asUser(api, user).put("/api/scoring-rules", {
      rules: [{ activityType: "ATTENDED", points: 2.5 }],
    });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().fields[0].field).toBe("body.rules.0.points");
    const unknown = await asUser(api, user).put("/api/scoring-rules", {
      rules: [{ activityType: "CLICKED", points: 1 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].field).toBe("body.rules.0.activityType");
    const twice = await asUser(api, user).put("/api/scoring-rules", {
      rules: [
        { activityType: "ATTENDED", points: 1 },
        { activityType: "ATTENDED", points: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ fields: [{ field: "rules.1.activityType" }] });
  });

  it("refuses a change without the CSRF token", async () => {
    const res = await api.app.inject({
      method: "PUT",
      url: "/api/scoring-rules",
      headers: { cookie: user.headers.cookie },
      payload: { rules: [{ activityType: "ATTENDED", points: 1 }] },
    });
    expect(res.statusCode).toBe(403);
  });
});
