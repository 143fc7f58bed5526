import { randomUUID } from "node:crypto";
import { EXPORT_HEADER } from "@gw/domain/reports";
import { createConnector, createProspect, createRegistration, createWebinar } from "@gw/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type LoggedInUser, useUser } from "./auth-helpers";
import { asUser, useTestApi } from "./helpers";
import { parseCsv } from "./reports-csv";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs);

const ids: Record<string, string> = {};

const api = useTestApi("reports");
const me = useUser(api);
const them = useUser(api);
beforeAll(async () => {
  const db = api.deps.db;
  const accountId = me.accountId;
  const connector = await createConnector(db, { accountId, name: "Main organizer" });
  const finished = await createWebinar(db, {
    accountId,
    connectorId: connector.id,
    subject: 'Q3 "Launch" / review',
    startsAt: at(-2 * DAY),
    status: "ENDED",
  });
  const upcoming = await createWebinar(db, {
    accountId,
    connectorId: connector.id,
    subject: "Next week demo",
    startsAt: at(7 * DAY),
  });
  const foreignConnector = await createConnector(db, { accountId: them.accountId });
  const foreign = await createWebinar(db, {
    accountId: them.accountId,
    connectorId: foreignConnector.id,
    status: "ENDED",
    startsAt: at(-DAY),
  });
  Object.assign(ids, { connector: connector.id, finished: finished.id, upcoming: upcoming.id, foreign: foreign.id });

  const person = (email: string, firstName: string, lastName: string, company: string | null) =>
    createProspect(db, { accountId, email, firstName, lastName, company });
  const ann = await person("ann@acme.test", "Ann", "Archer", "Acme");
  const bob = await person("bob@bolt.test", "Bob", "Baker", "=cmd|' /C calc'!A0");
  const cid = await person("cid@corp.test", "Cid", "Cole, Jr.", "Corp");
  const dee = await person("dee@dyn.test", "@Dee", "Dunn", null);
  const eve = await person("eve@evil.test", "Eve", "Evans", "+Plus");
  Object.assign(ids, { ann: ann.id, bob: bob.id, cid: cid.id, dee: dee.id, eve: eve.id });
  const reg = (webinarId: string, prospectId: string, data: Record<string, unknown> = {}) =>
    createRegistration(db, { accountId, webinarId, prospectId, ...data });
  await reg(finished.id, ann.id, { attended: true, attendanceSeconds: 2700 });
  await reg(finished.id, bob.id, { attended: true, attendanceSeconds: 600 });
  await reg(finished.id, cid.id);
  await reg(finished.id, dee.id);
  await reg(finished.id, eve.id, { status: "CANCELLED" });
  await reg(upcoming.id, ann.id);
  const foreignProspect = await createProspect(db, { accountId: them.accountId });
  await createRegistration(db, {
    accountId: them.accountId,
    webinarId: foreign.id,
    prospectId: foreignProspect.id,
    attended: true,
  });
  ids.foreignProspect = foreignProspect.id;
});

const get = (url: string, user: LoggedInUser = me) => asUser(api, user).get(url);
const post = (url: string, payload: unknown, user: LoggedInUser = me) => asUser(api, user).post(url, payload as object);

describe("GET /api/reports/webinars", () => {
  it("needs a session", async () => {
    const res = await api.app.inject({ method: "GET", url: "/api/reports/webinars?pageSize=0" });
    expect(res.statusCode).toBe(401);
  });

  it("lists finished webinars with counts and upcoming ones without attendance", async () => {
    const finished = await get("/api/reports/webinars?tab=finished");
    expect(finished.statusCode).toBe(200);
    expect(finished.json()).toEqual({
      items: [
        {
          id: ids.finished,
          subject: 'Q3 "Launch" / review',
          startsAt: expect.any(String),
          endsAt: expect.any(String),
          timeZone: "Europe/Paris",
          status: "ENDED",
          connector: { id: ids.connector, name: "Main organizer" },
          registered: 4,
          attended: 2,
          absent: 2,
          attendanceRate: 0.5,
          program: null,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 25,
    });
    const upcoming = (await get("/api/reports/webinars")).json();
    expect(upcoming.items).toEqual([
      expect.objectContaining({ id: ids.upcoming, registered: 1, attended: null, absent: null, attendanceRate: null }),
    ]);
  });

  it("keeps other accounts' webinars out", async () => {
    const theirs = (await get("/api/reports/webinars?tab=finished", them)).json();
    expect(theirs.items.map((row: { id: string }) => row.id)).toEqual([ids.foreign]);
  });

  it("answers 400 naming each bad query field", async () => {
    const res = await get("/api/reports/webinars?tab=past&pageSize=500&connectorId=nope&sort=colour");
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "querystring.tab",
        "querystring.pageSize",
        "querystring.connectorId",
        "querystring.sort",
      ]),
    );
  });
});

describe("the report's date range, summary CSV and trend", () => {
  const day = (offsetMs: number) => at(offsetMs).toISOString().slice(0, 10);

  it("keeps webinars starting in the range and says what to fix in a bad one", async () => {
    const inRange = (await get(`/api/reports/webinars?tab=finished&from=${day(-3 * DAY)}&to=${day(0)}`)).json();
    expect(inRange.items.map((row: { id: string }) => row.id)).toEqual([ids.finished]);
    const before = (await get(`/api/reports/webinars?tab=finished&to=${day(-5 * DAY)}`)).json();
    expect(before.items).toEqual([]);

    const reversed = await get("/api/reports/webinars?from=2026-05-02&to=2026-05-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().fields).toEqual([
      expect.objectContaining({ field: "querystring.to", message: "to must be the same day as from or later" }),
    ]);
    const bad = await get("/api/reports/webinars?from=1%20May&timeZone=Mars%2FOlympus");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(["querystring.from", "querystring.timeZone"]),
    );
  });

  it("exports the report as filtered, one row per webinar, for the caller's account only", async () => {
    const res = await get("/api/reports/webinars.csv?tab=finished&q=launch");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain('filename="webinars-finished.csv"');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(res.body.slice(1));
    expect(rows[0]).toEqual([
      "Webinar",
      "Series",
      "Starts at",
      "Ends at",
      "Time zone",
      "Status",
      "Connector",
      "Registered",
      "Attended",
      "Absent",
      "Attendance rate (%)",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[6], r[7], r[8], r[9], r[10]])).toEqual([
      ['Q3 "Launch" / review', "Finished", "Main organizer", "4", "2", "2", "50.0"],
    ]);
    const theirs = parseCsv((await get("/api/reports/webinars.csv?tab=finished", them)).body.slice(1));
    expect(theirs).toHaveLength(2);
    expect((await api.app.inject({ method: "GET", url: "/api/reports/webinars.csv" })).statusCode).toBe(401);
  });

  it("gives the attendance trend of finished webinars", async () => {
    const res = await get(`/api/reports/webinars/trend?from=${day(-10 * DAY)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        expect.objectContaining({ id: ids.finished, registered: 4, attended: 2, absent: 2, attendanceRate: 0.5 }),
      ],
      total: 1,
      limit: 100,
    });
    expect((await api.app.inject({ method: "GET", url: "/api/reports/webinars/trend" })).statusCode).toBe(401);
  });
});

describe("GET /api/reports/webinars/:id", () => {
  it("gives the webinar with counts and its registrations per day", async () => {
    const res = await get(`/api/reports/webinars/${ids.finished}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.webinar).toMatchObject({ id: ids.finished, registered: 4, attended: 2, absent: 2, finished: true });
    expect(body.registrationsPerDay.at(-1).cumulative).toBe(4);
    expect(body.attendance).toEqual({
      registered: 4,
      attended: 2,
      absent: 2,
      totalMinutesAttended: 55,
      averageMinutesAttended: 28,
    });
  });

  it("answers 404 for another account's webinar and for an unknown one, 400 for a malformed id", async () => {
    expect((await get(`/api/reports/webinars/${ids.foreign}`)).statusCode).toBe(404);
    expect((await get(`/api/reports/webinars/${randomUUID()}`)).statusCode).toBe(404);
    const bad = await get("/api/reports/webinars/123");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe("params.id");
  });
});

describe("GET /api/reports/webinars/:id/prospects", () => {
  it("pages and sorts a segment on the server", async () => {
    const res = await get(
      `/api/reports/webinars/${ids.finished}/prospects?segment=attended&sort=minutes&order=desc&pageSize=1`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          id: ids.ann,
          email: "ann@acme.test",
          firstName: "Ann",
          lastName: "Archer",
          company: "Acme",
          status: "APPROVED",
          attended: true,
          minutesAttended: 45,
          percentAttended: null,
          questionsAsked: 0,
          pollsAnswered: 0,
          surveysAnswered: 0,
          registeredAt: expect.any(String),
          source: null,
          filtered: false,
        },
      ],
      total: 2,
      page: 1,
      pageSize: 1,
      segment: "attended",
      counts: { registered: 4, attended: 2, absent: 2 },
    });
    const absent = (await get(`/api/reports/webinars/${ids.finished}/prospects?segment=absent`)).json();
    expect(absent.items.map((p: { email: string }) => p.email)).toEqual(["cid@corp.test", "dee@dyn.test"]);
  });

  it("refuses absent before the webinar has finished, naming the field", async () => {
    const res = await get(`/api/reports/webinars/${ids.upcoming}/prospects?segment=absent`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: "segment", message: expect.stringContaining("finished") }]);
  });

  it("answers 404 for another account's webinar", async () => {
    expect((await get(`/api/reports/webinars/${ids.foreign}/prospects`)).statusCode).toBe(404);
    expect((await get(`/api/reports/webinars/${ids.foreign}/prospects.csv`)).statusCode).toBe(404);
  });
});

describe("GET /api/reports/webinars/:id/prospects.csv", () => {
  it("streams an attachment with a header row, every row of the segment and formulas neutralised", async () => {
    const res = await get(`/api/reports/webinars/${ids.finished}/prospects.csv?segment=registered`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Q3 _Launch_ _ review-registered.csv"; filename*=UTF-8''Q3%20%22Launch%22%20%2F%20review-registered.csv`,
    );
    expect(res.body.startsWith("\ufeff")).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    expect(rows[0]).toEqual(EXPORT_HEADER); // spelled out in the domain's export test
    expect(rows.slice(1).map((r) => r[0])).toEqual(["ann@acme.test", "bob@bolt.test", "cid@corp.test", "dee@dyn.test"]);
    expect(rows[1]).toEqual([
      "ann@acme.test",
      "Ann",
      "Archer",
      "Acme",
      "Approved",
      "yes",
      "45",
      "",
      "0",
      "0",
      "0",
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      "",
    ]);
    expect(rows[2]![3]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[3]![2]).toBe("Cole, Jr.");
    expect(rows[4]![1]).toBe("'@Dee");
  });

  it("exports the absent segment only", async () => {
    const res = await get(`/api/reports/webinars/${ids.finished}/prospects.csv?segment=absent`);
    const rows = parseCsv(res.body.slice(1));
    expect(rows).toHaveLength(3);
    expect(res.headers["content-disposition"]).toContain("-absent.csv");
  });
});

describe("POST /api/reports/webinars/:id/prospects/actions", () => {
  const url = () => `/api/reports/webinars/${ids.finished}/prospects/actions`;

  it("adds chosen prospects to a new list by name, idempotently", async () => {
    const body = { segment: "absent", prospectIds: [ids.cid, ids.ann], action: "ADD_TO_LIST", listName: "Missed Q3" };
    const first = await post(url(), body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ matched: 1, affected: 1, target: { id: expect.any(String), name: "Missed Q3" } });
    const again = await post(url(), body);
    expect(again.json()).toMatchObject({ matched: 1, affected: 0 });
    const members = (await get(`/api/lists/${first.json().target.id}/members`)).json();
    expect(members.items.map((m: { id: string }) => m.id)).toEqual([ids.cid]);
  });

  it('tags "all" of a segment, beyond any page', async () => {
    const res = await post(url(), {
      segment: "registered",
      prospectIds: "all",
      action: "ADD_TAG",
      tagName: "Q3 registrants",
    });
    expect(res.json()).toMatchObject({ matched: 4, affected: 4 });
    const tagged = (await get(`/api/tags/${res.json().target.id}/prospects?pageSize=200`)).json();
    expect(tagged.total).toBe(4);
  });

  it('takes "all" of what the drill-down shows under its source filter, not the whole segment', async () => {
    const db = api.deps.db;
    const webinar = await createWebinar(db, {
      accountId: me.accountId,
      connectorId: ids.connector!,
      startsAt: at(-3 * DAY),
      status: "ENDED",
    });
    const people = await Promise.all(
      ["s1@src.test", "s2@src.test", "s3@src.test"].map((email) =>
        createProspect(db, { accountId: me.accountId, email }),
      ),
    );
    const labels = ["newsletter", "newsletter", null];
    for (const [i, person] of people.entries()) {
      await createRegistration(db, {
        accountId: me.accountId,
        webinarId: webinar.id,
        prospectId: person.id,
        sourceLabel: labels[i],
      });
    }
    const sourceUrl = `/api/reports/webinars/${webinar.id}/prospects/actions`;
    const newsletter = await post(sourceUrl, {
      segment: "registered",
      prospectIds: "all",
      source: "newsletter",
      action: "ADD_TAG",
      tagName: "From the newsletter",
    });
    expect(newsletter.statusCode).toBe(200);
    expect(newsletter.json()).toMatchObject({ matched: 2, affected: 2 });
    const untracked = await post(sourceUrl, {
      segment: "registered",
      prospectIds: "all",
      source: "",
      action: "ADD_TAG",
      tagName: "No source",
    });
    expect(untracked.json()).toMatchObject({ matched: 1, affected: 1 });
    const tagged = (await get(`/api/tags/${untracked.json().target.id}/prospects`)).json();
    expect(tagged.items.map((p: { id: string }) => p.id)).toEqual([people[2]!.id]);
  });

  it("answers 400 naming the field when the target is missing or the body is wrong", async () => {
    const noTarget = await post(url(), { segment: "attended", prospectIds: "all", action: "ADD_TO_LIST" });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().fields).toEqual([{ field: "body.listId", message: "ADD_TO_LIST needs listId or listName" }]);
    const badIds = await post(url(), { segment: "attended", prospectIds: ["x"], action: "ADD_TAG", tagName: "t" });
    expect(badIds.statusCode).toBe(400);
    expect(badIds.json().message).toContain("body.prospectIds");
    const badAction = await post(url(), { segment: "attended", prospectIds: "all", action: "DELETE", tagName: "t" });
    expect(badAction.json().fields.map((f: { field: string }) => f.field)).toContain("body.action");
  });

  it("needs the CSRF token", async () => {
    const res = await api.app.inject({
      method: "POST",
      url: url(),
      payload: { segment: "registered", prospectIds: "all", action: "ADD_TAG", tagName: "x" },
      headers: { cookie: me.headers.cookie },
    });
    expect(res.statusCode).toBe(403);
  });

  it("answers 404 for another account's webinar or list and changes nothing", async () => {
    const theirList = await api.deps.db.list.create({ data: { accountId: them.accountId, name: "Their list" } });
    const onTheirs = await post(`/api/reports/webinars/${ids.foreign}/prospects/actions`, {
      segment: "registered",
      prospectIds: "all",
      action: "ADD_TAG",
      tagName: "stolen",
    });
    expect(onTheirs.statusCode).toBe(404);
    const intoTheirs = await post(url(), {
      segment: "registered",
      prospectIds: "all",
      action: "ADD_TO_LIST",
      listId: theirList.id,
    });
    expect(intoTheirs.statusCode).toBe(404);
    expect(await api.deps.db.listMembership.count({ where: { listId: theirList.id } })).toBe(0);
    expect(await api.deps.db.tag.count({ where: { name: "stolen" } })).toBe(0);
  });
});

describe("OpenAPI", () => {
  it("documents every reports route", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/docs/json" })).json();
    for (const path of [
      "/api/reports/webinars",
      "/api/reports/webinars/{id}",
      "/api/reports/webinars.csv",
      "/api/reports/webinars/trend",
      "/api/reports/webinars/{id}/prospects",
      "/api/reports/webinars/{id}/prospects.csv",
      "/api/reports/webinars/{id}/prospects/actions",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths["/api/reports/webinars"].get.tags).toEqual(["reports"]);
  });
});
