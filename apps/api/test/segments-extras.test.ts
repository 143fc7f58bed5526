import {
  completeStaffFetch,
  listWebinarsWithoutStaffSync,
  queueStaffFetches,
  type StaffFetch,
} from "@gw/domain/exclusions";
import { enqueueAll, fetchWebinarStaffJob } from "@gw/queues";
import { createProspect } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { createApiWithoutRedis, injectAs, useTestApi } from "./helpers";
import { parseCsv } from "./reports-csv";
import { useSegmentsFixture } from "./segments-fixture";

const api = useTestApi("segments_extras");
const me = useUser(api);
const them = useUser(api);
const f = useSegmentsFixture(() => api.deps.db, me);

const inject = injectAs(api, me);
const all = (...conditions: object[]) => ({ type: "group", match: "all", conditions });
const csvRows = (body: string) => {
  const [header = [], ...rows] = parseCsv(body.replace(/^\uFEFF/, ""));
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
};

describe("exclusions", () => {
  it("filters matching prospects at once and as they arrive, releases them when the rule goes, keeps hand-filtered ones", async () => {
    const handFiltered = await createProspect(api.deps.db, { accountId: me.accountId, email: "zed@bigcorp.example" });
    await api.deps.db.prospect.update({ where: { id: handFiltered.id }, data: { filtered: true } });
    const set = await inject("PUT", "/api/exclusions", {
      rules: [
        { kind: "EMAIL_DOMAIN", value: "@BigCorp.example" },
        { kind: "EMAIL", value: "Bob@SmallCo.example" },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      rules: [
        { kind: "EMAIL_DOMAIN", value: "bigcorp.example" },
        { kind: "EMAIL", value: "bob@smallco.example" },
      ],
      newlyFiltered: 3, // ada, cy (domain), bob (address); fay and zed were filtered already
    });
    const flags = async (id: string) =>
      api.deps.db.prospect.findUniqueOrThrow({ where: { id }, select: { filtered: true, filteredByExclusion: true } });
    expect(await flags(f.p.attendee.id)).toEqual({ filtered: true, filteredByExclusion: true });
    // A new registrant from the excluded domain is filtered as the sync writes it.
    const newcomer = await createProspect(api.deps.db, { accountId: me.accountId, email: "new@bigcorp.example" });
    expect(await flags(newcomer.id)).toEqual({ filtered: true, filteredByExclusion: true });
    // Filtered prospects leave criteria matches.
    const preview = await inject("POST", "/api/segments/preview", {
      criteria: all({ type: "webinarStatus", status: "registered", webinar: { webinarId: f.webinarX.id } }),
    });
    expect(preview.json().count).toBe(0);

    const cleared = await inject("PUT", "/api/exclusions", { rules: [] });
    expect(cleared.json()).toMatchObject({ rules: [], released: 4, filteredByRules: 0 });
    expect(await flags(f.p.attendee.id)).toEqual({ filtered: false, filteredByExclusion: false });
    expect(await flags(handFiltered.id)).toEqual({ filtered: true, filteredByExclusion: false });
  });

  it("a bad rule is a 400 naming it; marketers may read but not change; accounts are apart", async () => {
    const bad = await inject("PUT", "/api/exclusions", { rules: [{ kind: "EMAIL_DOMAIN", value: "not a domain" }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe("rules.0.value");
    const role = await inject("PUT", "/api/exclusions", { rules: [{ kind: "GOTO_ROLE", value: "JANITOR" }] });
    expect(role.statusCode).toBe(400);
    const marketer = await createUserAndLogin(api, { accountId: me.accountId, role: "MARKETER" });
    expect((await inject("GET", "/api/exclusions", undefined, marketer)).statusCode).toBe(200);
    expect((await inject("PUT", "/api/exclusions", { rules: [] }, marketer)).statusCode).toBe(403);
    await inject("PUT", "/api/exclusions", { rules: [{ kind: "EMAIL_DOMAIN", value: "else.example" }] }, them);
    expect((await api.deps.db.prospect.findUniqueOrThrow({ where: { id: f.p.futureOnly.id } })).filtered).toBe(false);
  });

  it("a panelist rule added queues one low-priority staff fetch per webinar no sync reads again, once", async () => {
    const webinars = await api.deps.db.webinar.findMany({
      where: { accountId: me.accountId },
      select: { id: true, nextPollAt: true, nextAttendanceSyncAt: true },
    });
    const stillPolled = webinars.find((w) => w.nextPollAt || w.nextAttendanceSyncAt);
    const done = webinars.filter((w) => w !== stillPolled);
    expect(done.length).toBeGreaterThan(0);
    const set = await inject("PUT", "/api/exclusions", { rules: [{ kind: "GOTO_ROLE", value: "PANELIST" }] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().staffWebinarsQueued).toBe(done.length);
    for (const webinar of done) {
      const job = await api.deps.queues.sync.getJob(`staff-${webinar.id}-PANELIST`);
      expect(job?.name).toBe("fetch-webinar-staff");
      expect(job?.data.payload).toEqual({ webinarId: webinar.id, roles: ["PANELIST"] });
      // Behind every sync job without a priority (BullMQ serves those first).
      expect(job?.opts.priority).toBeGreaterThan(0);
    }
    // Saving again asks for nothing more; adding the other role asks for that role only.
    expect((await inject("PUT", "/api/exclusions", { rules: set.json().rules })).json().staffWebinarsQueued).toBe(0);
    // The panelist fetches have run (each job removes its outbox row; a row still waiting would
    // take the new role along, so that a lost job loses neither).
    for (const webinar of done)
      await completeStaffFetch({ db: api.deps.db, webinarId: webinar.id, roles: ["PANELIST"] });
    const both = await inject("PUT", "/api/exclusions", {
      rules: [
        { kind: "GOTO_ROLE", value: "PANELIST" },
        { kind: "GOTO_ROLE", value: "CO_ORGANIZER" },
      ],
    });
    expect(both.json().staffWebinarsQueued).toBe(done.length);
    expect((await api.deps.queues.sync.getJob(`staff-${done[0]!.id}-CO_ORGANIZER`))?.data.payload.roles).toEqual([
      "CO_ORGANIZER",
    ]);
    await inject("PUT", "/api/exclusions", { rules: [] });
  });

  it("staff fetches Redis refuses are kept in Postgres and queued by the dispatcher's next tick", async () => {
    const { db, queues } = api.deps;
    await inject("PUT", "/api/exclusions", { rules: [] });
    await db.webinarStaffFetch.deleteMany({});
    await queues.sync.obliterate({ force: true });
    const done = await listWebinarsWithoutStaffSync({ db, accountId: me.accountId });
    expect(done.length).toBeGreaterThan(0);
    const jobOf = (webinarId: string) => queues.sync.getJob(`staff-${webinarId}-CO_ORGANIZER`);

    // The same API and database, with a Redis that is not there.
    const cut = await createApiWithoutRedis(api);
    try {
      const res = await cut.app.inject({
        method: "PUT",
        url: "/api/exclusions",
        headers: me.headers,
        payload: { rules: [{ kind: "GOTO_ROLE", value: "CO_ORGANIZER" }] },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().staffWebinarsQueued).toBe(done.length);
    } finally {
      await cut.close();
    }
    for (const webinarId of done) expect(await jobOf(webinarId)).toBeUndefined();
    const outbox = () =>
      db.webinarStaffFetch.findMany({
        orderBy: { webinarId: "asc" },
        select: { webinarId: true, roles: true, queuedAt: true },
      });
    expect(await outbox()).toEqual(
      [...done].sort().map((webinarId) => ({ webinarId, roles: ["CO_ORGANIZER"], queuedAt: null })),
    );

    // What the worker's dispatcher runs each tick, Redis back: every waiting fetch is handed over, once.
    const enqueue = (chunk: StaffFetch[]) => enqueueAll(queues, fetchWebinarStaffJob, chunk);
    expect(await queueStaffFetches({ db, enqueue, chunkSize: 1 })).toBe(done.length);
    for (const webinarId of done) {
      expect((await jobOf(webinarId))?.data.payload).toEqual({ webinarId, roles: ["CO_ORGANIZER"] });
    }
    expect((await outbox()).every((f) => f.queuedAt !== null)).toBe(true);
    expect(await queueStaffFetches({ db, enqueue })).toBe(0);
    await inject("PUT", "/api/exclusions", { rules: [] });
  });

  it("the drill-down hides filtered prospects unless asked, in its rows and its tabs' counts", async () => {
    const url = `/api/reports/webinars/${f.webinarX.id}/prospects?segment=attended`;
    expect((await inject("GET", url)).json().items.map((p: { email: string }) => p.email)).toEqual([
      f.p.attendee.email,
    ]);
    const shown = (await inject("GET", `${url}&includeFiltered=true`))
      .json()
      .items.map((p: { email: string }) => p.email);
    expect(shown.sort()).toEqual([f.p.attendee.email, f.p.filtered.email].sort());
    const flagged = (await inject("GET", `${url}&includeFiltered=true`)).json().items;
    expect(flagged.find((p: { email: string }) => p.email === f.p.filtered.email).filtered).toBe(true);
    // The tabs' counts follow the switch: the filtered attendee counts only when shown.
    expect((await inject("GET", url)).json().counts).toEqual({ registered: 2, attended: 1, absent: 1 });
    expect((await inject("GET", `${url}&includeFiltered=true`)).json().counts).toEqual({
      registered: 3,
      attended: 2,
      absent: 1,
    });
    // ...whichever tab is open, and whatever the search.
    expect((await inject("GET", `${url.replace("attended", "absent")}&q=nobody`)).json()).toMatchObject({
      total: 0,
      counts: { registered: 2, attended: 1, absent: 1 },
    });
    const csv = await inject("GET", url.replace("/prospects?", "/prospects.csv?"));
    expect(csv.body).not.toContain(f.p.filtered.email);
    expect(
      (await inject("GET", `${url.replace("/prospects?", "/prospects.csv?")}&includeFiltered=true`)).body,
    ).toContain(f.p.filtered.email);
  });

  it("adding all of a segment takes filtered prospects only when the drill-down shows them", async () => {
    const action = `/api/reports/webinars/${f.webinarX.id}/prospects/actions`;
    const body = { segment: "attended", prospectIds: "all", action: "ADD_TAG" };
    expect((await inject("POST", action, { ...body, tagName: "hidden off" })).json().matched).toBe(1);
    expect((await inject("POST", action, { ...body, tagName: "shown", includeFiltered: true })).json().matched).toBe(2);
  });
});

describe("exports", () => {
  it("a dynamic list, a tag, a search and a segment stream as Excel-safe CSV", async () => {
    const list = (
      await inject("POST", "/api/lists", {
        name: "Registered X",
        criteria: all({ type: "webinarStatus", status: "registered", webinar: { webinarId: f.webinarX.id } }),
      })
    ).json();
    await api.deps.db.prospect.update({ where: { id: f.p.attendee.id }, data: { company: "=HYPERLINK(1)" } });
    const res = await inject("GET", `/api/lists/${list.id}/members.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.headers["content-disposition"]).toContain("Registered X.csv");
    const rows = csvRows(res.body);
    expect(rows.map((r) => r.Email).sort()).toEqual([f.p.attendee.email, f.p.absentee.email].sort());
    expect(rows.find((r) => r.Email === f.p.attendee.email)?.Company).toBe("'=HYPERLINK(1)");
    expect(rows[0]?.["Joined list at"]).toMatch(/^\d{4}-/);

    const tag = csvRows((await inject("GET", `/api/tags/${f.tag.id}/prospects.csv`)).body);
    expect(tag.map((r) => r.Email)).toEqual([f.p.attendee.email]);
    const search = csvRows((await inject("GET", "/api/prospects.csv?q=smallco")).body);
    expect(search.map((r) => r.Email)).toEqual([f.p.absentee.email]);
    const segment = await inject("POST", "/api/segments/export.csv", {
      criteria: all({ type: "score", op: "gte", value: 40 }),
    });
    expect(
      csvRows(segment.body)
        .map((r) => r.Email)
        .sort(),
    ).toEqual([f.p.attendee.email, f.p.old.email].sort());

    expect((await inject("GET", `/api/lists/${list.id}/members.csv`, undefined, them)).statusCode).toBe(404);
    expect(csvRows((await inject("GET", "/api/prospects.csv", undefined, them)).body)).toEqual([]);
  });
});

describe("the prospect page", () => {
  it("shows the dynamic lists and the rules that touched the prospect", async () => {
    const list = (
      await inject("POST", "/api/lists", {
        name: "Attended X (page)",
        criteria: all({ type: "webinarStatus", status: "attended", webinar: { webinarId: f.webinarX.id } }),
      })
    ).json();
    const rule = (
      await inject("POST", "/api/rules", {
        name: "Attendees get a tag",
        criteria: all({ type: "listMember", listId: list.id }),
        actions: [{ type: "ADD_TAG", tag: "attendee" }],
      })
    ).json();
    expect((await inject("POST", `/api/rules/${rule.id}/enable`)).json()).toMatchObject({ acted: 1 });
    const page = (await inject("GET", `/api/prospects/${f.p.attendee.id}/segments`)).json();
    expect(page.dynamicLists).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: list.id, member: true, joinedAt: expect.any(String) })]),
    );
    expect(page.ruleRuns).toEqual([
      expect.objectContaining({ ruleId: rule.id, ruleName: "Attendees get a tag", outcome: "done" }),
    ]);
    expect((await inject("GET", `/api/prospects/${f.p.attendee.id}/segments`, undefined, them)).statusCode).toBe(404);
  });
});

describe("dynamic lists as targets", () => {
  it("a form's completion action cannot add to a dynamic list", async () => {
    const dyn = (
      await inject("POST", "/api/lists", {
        name: "Dyn for forms",
        criteria: all({ type: "score", op: "gte", value: 1 }),
      })
    ).json();
    const res = await inject("POST", "/api/forms", {
      name: "Form into a dynamic list",
      fields: [{ name: "email" }, { name: "firstName" }, { name: "lastName" }],
      completionActions: [{ type: "ADD_TO_LIST", listId: dyn.id }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toMatch(/dynamic list/);
  });
});
