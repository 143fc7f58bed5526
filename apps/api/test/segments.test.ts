import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type LoggedInUser, useUser } from "./auth-helpers";
import { injectAs, useTestApi } from "./helpers";
import { useSegmentsFixture } from "./segments-fixture";

const api = useTestApi("segments");
const me = useUser(api);
const them = useUser(api);
const f = useSegmentsFixture(() => api.deps.db, me);

const all = (...conditions: object[]) => ({ type: "group", match: "all", conditions });
const preview = (criteria: unknown, user: LoggedInUser = me) =>
  api.app.inject({
    method: "POST",
    url: "/api/segments/preview",
    headers: user.headers,
    payload: { criteria, sampleSize: 50 },
  });
async function matches(...conditions: object[]): Promise<string[]> {
  const res = await preview(all(...conditions));
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body.sample).toHaveLength(body.count);
  return body.sample.map((p: { email: string }) => p.email.split("@")[0]).sort();
}

describe("POST /api/segments/preview: every criterion type", () => {
  it("webinar status for a chosen webinar: registered, accepted, attended, absent, cancelled", async () => {
    const x = { webinarId: f.webinarX.id };
    expect(await matches({ type: "webinarStatus", status: "registered", webinar: x })).toEqual(["ada", "bob"]);
    expect(await matches({ type: "webinarStatus", status: "accepted", webinar: x })).toEqual(["ada", "bob"]);
    expect(await matches({ type: "webinarStatus", status: "attended", webinar: x })).toEqual(["ada"]);
    expect(await matches({ type: "webinarStatus", status: "absent", webinar: x })).toEqual(["bob"]);
    expect(await matches({ type: "webinarStatus", status: "cancelled", webinar: x })).toEqual(["cy"]);
    // WAITING (approval pending) is registered but not accepted.
    const y = { webinarId: f.webinarY.id };
    expect(await matches({ type: "webinarStatus", status: "registered", webinar: y })).toEqual(["dee"]);
    expect(await matches({ type: "webinarStatus", status: "accepted", webinar: y })).toEqual([]);
  });

  it("absent only once the webinar's attendance is known", async () => {
    await api.deps.db.webinar.update({ where: { id: f.webinarX.id }, data: { attendanceSyncs: 0 } });
    try {
      expect(await matches({ type: "webinarStatus", status: "absent", webinar: { webinarId: f.webinarX.id } })).toEqual(
        [],
      );
    } finally {
      await api.deps.db.webinar.update({ where: { id: f.webinarX.id }, data: { attendanceSyncs: 1 } });
    }
  });

  it("webinar scopes: any webinar of a connector, subject match, date range, any webinar", async () => {
    const registered = (webinar: object) => ({ type: "webinarStatus", status: "registered", webinar });
    expect(await matches(registered({ connectorId: f.otherConnector.id }))).toEqual(["dee"]);
    expect(await matches(registered({ subjectContains: "launch x" }))).toEqual(["ada", "bob"]);
    expect(await matches(registered({ subjectContains: "100%" }))).toEqual([]);
    expect(await matches(registered({ startsWithin: { lastDays: 7 } }))).toEqual(["ada", "bob"]);
    expect(await matches(registered({ startsWithin: { from: new Date().toISOString() } }))).toEqual(["dee"]);
    expect(await matches(registered({ anyWebinar: true }))).toEqual(["ada", "bob", "dee"]);
  });

  it("engagement: minutes and share attended, questions, polls, surveys", async () => {
    const x = { webinarId: f.webinarX.id };
    const engaged = (metric: string, extra: object = {}) => ({ type: "engagement", metric, webinar: x, ...extra });
    expect(await matches(engaged("attendancePercent", { op: "gte", value: 50 }))).toEqual(["ada"]);
    expect(await matches(engaged("attendancePercent", { op: "gte", value: 80 }))).toEqual([]);
    expect(await matches(engaged("askedQuestion"))).toEqual(["ada"]);
    expect(await matches(engaged("answeredPoll"))).toEqual(["ada"]);
    expect(await matches(engaged("answeredSurvey"))).toEqual([]);
    expect(await matches(engaged("askedQuestion", { not: true }))).toEqual(["bob", "cy", "dee", "eve"]);
    expect(await matches({ type: "engagement", metric: "minutesAttended", op: "gte", value: 30, webinar: x })).toEqual([
      "ada",
    ]);
    expect(await matches({ type: "engagement", metric: "minutesAttended", op: "gte", value: 60, webinar: x })).toEqual(
      [],
    );
    expect(await matches({ type: "engagement", metric: "minutesAttended", op: "lte", value: 60, webinar: x })).toEqual([
      "ada",
    ]);
  });

  it("score, fields and custom fields", async () => {
    expect(await matches({ type: "score", op: "gte", value: 12 })).toEqual(["ada", "dee", "eve"]);
    expect(await matches({ type: "score", op: "lte", value: 5 })).toEqual(["bob", "cy"]);
    expect(await matches({ type: "score", op: "eq", value: 40 })).toEqual(["ada"]);
    expect(await matches({ type: "field", field: "company", op: "equals", value: "bigcorp" })).toEqual(["ada"]);
    expect(await matches({ type: "field", field: "email", op: "contains", value: "@bigcorp" })).toEqual(["ada", "cy"]);
    expect(await matches({ type: "field", field: "email", op: "startsWith", value: "bo" })).toEqual(["bob"]);
    expect(await matches({ type: "field", field: "company", op: "isEmpty" })).toEqual(["cy", "dee", "eve"]);
    expect(await matches({ type: "field", field: "company", op: "isEmpty", not: true })).toEqual(["ada", "bob"]);
    expect(await matches({ type: "field", customField: "Favourite colour", op: "equals", value: "blue" })).toEqual([
      "dee",
    ]);
  });

  it("campaign, created by, list member, tag, form, created and last activity within", async () => {
    expect(await matches({ type: "campaign", campaignId: f.campaign.id })).toEqual(["ada"]);
    expect(await matches({ type: "createdBy", source: "FORM" })).toEqual(["cy", "dee"]);
    expect(await matches({ type: "createdBy", source: "GOTO_SYNC" })).toEqual(["ada", "bob"]);
    expect(await matches({ type: "listMember", listId: f.list.id })).toEqual(["bob"]);
    expect(await matches({ type: "hasTag", tagId: f.tag.id })).toEqual(["ada"]);
    expect(await matches({ type: "hasTag", tagId: f.tag.id, not: true })).toEqual(["bob", "cy", "dee", "eve"]);
    expect(await matches({ type: "submittedForm", formId: f.form.id })).toEqual(["dee"]);
    expect(await matches({ type: "submittedForm", formId: f.form.id, within: { lastDays: 1 } })).toEqual(["dee"]);
    expect(await matches({ type: "createdWithin", period: { lastDays: 30 } })).toEqual(["ada", "bob", "cy", "dee"]);
    expect(await matches({ type: "lastActivityWithin", period: { lastDays: 30 } })).toEqual(["ada", "bob"]);
    expect(await matches({ type: "lastActivityWithin", period: { lastDays: 30 }, not: true })).toEqual([
      "cy",
      "dee",
      "eve",
    ]);
  });

  it("AND / OR groups nest; filtered and merged-away prospects never match", async () => {
    const x = { webinarId: f.webinarX.id };
    const res = await preview({
      type: "group",
      match: "any",
      conditions: [
        { type: "webinarStatus", status: "attended", webinar: x },
        all({ type: "score", op: "gte", value: 50 }, { type: "createdBy", source: "MANUAL" }),
      ],
    });
    expect(res.json().count).toBe(2);
    expect(res.json().description).toBe(
      "Prospects who attended webinar “Launch X deep dive” or (have a score of at least 50 and were created by hand)",
    );
    // fay attended X too, but is filtered.
    expect(await matches({ type: "webinarStatus", status: "attended", webinar: x })).not.toContain("fay");
  });
});

describe("POST /api/segments/preview: refusals", () => {
  const refuse = async (criteria: unknown, field: string, message: RegExp) => {
    const res = await preview(criteria);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().fields[0].field).toBe(field);
    expect(res.json().message).toMatch(message);
  };

  it("a bad criterion is a 400 naming it", async () => {
    await refuse(
      all({ type: "score", op: "gte", value: 1 }, { type: "shoeSize", value: 4 }),
      "criteria.conditions.1.type",
      /one of "webinarStatus"/,
    );
    await refuse(
      all({ type: "webinarStatus", status: "snoozed", webinar: { anyWebinar: true } }),
      "criteria.conditions.0.status",
      /registered/,
    );
    await refuse(
      all({ type: "field", field: "passwordHash", op: "equals", value: "x" }),
      "criteria.conditions.0.field",
      /.+/,
    );
    await refuse(
      all({ type: "field", field: "company", op: "contains" }),
      "criteria.conditions.0.value",
      /needs a value/,
    );
    await refuse(
      all({ type: "score", op: "gte", value: 1, sql: "1=1" }),
      "criteria.conditions.0.sql",
      /not a known property/,
    );
    await refuse({ type: "group", match: "all", conditions: [] }, "criteria.conditions", /non-empty/);
    await refuse({ type: "score", op: "gte", value: 1 }, "criteria.type", /must be a group/);
    await refuse(
      all({ type: "createdWithin", period: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" } }),
      "criteria.conditions.0.period",
      /from must not be after to/,
    );
  });

  it("an id of another account is a 400, as an unknown id is; their preview sees none of mine", async () => {
    await refuse(
      all({ type: "webinarStatus", status: "attended", webinar: { webinarId: randomUUID() } }),
      "criteria.conditions.0.webinar.webinarId",
      /no webinar/,
    );
    const mine = all({ type: "hasTag", tagId: f.tag.id });
    const theirs = await preview(mine, them);
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().fields[0].field).toBe("criteria.conditions.0.tagId");
    const everyone = await preview(all({ type: "score", op: "gte", value: -1000 }), them);
    expect(everyone.json().count).toBe(0);
  });
});

describe("dynamic lists", () => {
  const inject = injectAs(api, me);

  it("creates a dynamic list with its members, describes it, re-evaluates on new criteria and keeps history", async () => {
    const attendedX = all({ type: "webinarStatus", status: "attended", webinar: { webinarId: f.webinarX.id } });
    const created = await inject("POST", "/api/lists", { name: "Attended X", criteria: attendedX });
    expect(created.statusCode, created.body).toBe(201);
    const list = created.json();
    expect(list).toMatchObject({
      kind: "DYNAMIC",
      memberCount: 1,
      criteria: attendedX,
      description: "Prospects who attended webinar “Launch X deep dive”",
      evaluatedAt: expect.any(String),
    });
    const members = (await inject("GET", `/api/lists/${list.id}/members`)).json();
    expect(members.items.map((m: { id: string }) => m.id)).toEqual([f.p.attendee.id]);

    const registeredX = all({ type: "webinarStatus", status: "registered", webinar: { webinarId: f.webinarX.id } });
    const changed = await inject("PATCH", `/api/lists/${list.id}`, { criteria: registeredX });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().memberCount).toBe(2);

    const changes = (await inject("GET", `/api/lists/${list.id}/changes`)).json();
    expect(changes.items.map((c: { email: string; joined: boolean }) => [c.email, c.joined])).toEqual(
      expect.arrayContaining([
        [f.p.attendee.email, true],
        [f.p.absentee.email, true],
      ]),
    );
    const history = (await inject("GET", `/api/lists/${list.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ count: 2 });

    const snapshot = await inject("POST", `/api/lists/${list.id}/snapshot`, { name: "Registered X (frozen)" });
    expect(snapshot.statusCode, snapshot.body).toBe(201);
    expect(snapshot.json()).toMatchObject({ kind: "STATIC", memberCount: 2 });
  });

  it("refuses manual members on a dynamic list, criteria on a static one, and circular lists", async () => {
    const a = (
      await inject("POST", "/api/lists", { name: "Dyn A", criteria: all({ type: "score", op: "gte", value: 1 }) })
    ).json();
    const add = await inject("POST", `/api/lists/${a.id}/members`, { prospectIds: [f.p.old.id] });
    expect(add.statusCode).toBe(409);
    expect(add.json().message).toMatch(/dynamic list/);
    const onStatic = await inject("PATCH", `/api/lists/${f.list.id}`, {
      criteria: all({ type: "score", op: "gte", value: 1 }),
    });
    expect(onStatic.statusCode).toBe(400);
    const b = (
      await inject("POST", "/api/lists", { name: "Dyn B", criteria: all({ type: "listMember", listId: a.id }) })
    ).json();
    const circle = await inject("PATCH", `/api/lists/${a.id}`, { criteria: all({ type: "listMember", listId: b.id }) });
    expect(circle.statusCode).toBe(400);
    expect(circle.json().message).toMatch(/circle/);
  });
});
