import { randomUUID } from "node:crypto";
import type { Prisma } from "@gw/db";
import {
  createConnector,
  createProspect,
  createRegistration,
  createWebinar,
  useAccountDatabase,
  useId,
} from "@gw/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import {
  applyWebinarProspectsAction,
  exportWebinarProspects,
  getWebinarDetail,
  listWebinarProspects,
  listWebinarReport,
} from "../src/reports";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

const w: Record<string, { id: string; subject: string }> = {};
const people: Record<string, string> = {};

async function webinar(
  key: string,
  data: Partial<Prisma.WebinarUncheckedCreateInput>,
  inAccount = accountId,
  connector = connectorId,
) {
  const created = await createWebinar(db, {
    accountId: inAccount,
    connectorId: connector,
    subject: `Webinar ${key}`,
    ...data,
  });
  w[key] = { id: created.id, subject: created.subject };
  return created;
}

async function register(
  webinarKey: string,
  prospectId: string,
  data: Partial<Prisma.WebinarRegistrationUncheckedCreateInput> = {},
) {
  return createRegistration(db, { accountId, webinarId: w[webinarKey]!.id, prospectId, ...data });
}

/** The call refuses with NOT_FOUND: what another account's (or no) record answers. */
const rejectsNotFound = (attempt: Promise<unknown>) => expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });

const { db, accountId, otherAccountId } = useAccountDatabase("reports");
const connectorId = useId((id) => createConnector(db, { id, accountId, name: "Main organizer" }));
const otherConnectorId = useId((id) => createConnector(db, { id, accountId, name: "Second organizer" }));
beforeAll(async () => {
  const foreignConnector = (await createConnector(db, { accountId: otherAccountId })).id;

  // Upcoming: soonest first.
  await webinar("next-week", { startsAt: at(7 * DAY), subject: "Alpha next week" });
  await webinar("tomorrow", { startsAt: at(DAY), subject: "Beta tomorrow" }, accountId, otherConnectorId);
  await webinar("live", { startsAt: at(-HOUR / 2), endsAt: at(HOUR / 2), status: "LIVE", subject: "Gamma live" });
  // Finished: latest first. "lagging" ended but the sync has not said so yet.
  await webinar("ended", {
    startsAt: at(-2 * DAY),
    status: "ENDED",
    subject: "Delta ended",
    timeZone: "America/New_York",
  });
  await webinar("lagging", { startsAt: at(-3 * HOUR), subject: "Epsilon lagging" });
  await webinar("old", { startsAt: at(-30 * DAY), status: "ENDED", subject: "Zeta old" });
  await webinar("cancelled", { startsAt: at(3 * DAY), status: "CANCELLED", subject: "Eta cancelled" });
  await webinar(
    "foreign",
    { startsAt: at(-DAY), status: "ENDED", subject: "Foreign" },
    otherAccountId,
    foreignConnector,
  );

  const make = async (key: string, data: Partial<Prisma.ProspectUncheckedCreateInput>) => {
    people[key] = (await createProspect(db, { accountId, ...data })).id;
  };
  await make("ann", { email: "ann@acme.test", firstName: "Ann", lastName: "Archer", company: "Acme" });
  await make("bob", {
    email: "bob@bolt.test",
    firstName: "Bob",
    lastName: "Baker",
    company: '=HYPERLINK("http://evil")',
  });
  await make("cid", { email: "cid@corp.test", firstName: "Cid", lastName: "Cole", company: "Corp" });
  await make("dee", { email: "dee@dyn.test", firstName: "@Dee", lastName: "Dunn", company: null });
  await make("eve", { email: "eve@evil.test", firstName: "Eve", lastName: "+Evans", company: "-Minus" });
  await make("fay", { email: "fay@fin.test", firstName: "Fay", lastName: "Ford", company: "Fin" });
  await make("gus", { email: "gus@gym.test", firstName: "Gus", lastName: "Gray", company: "Gym" });

  // "ended": 5 standing registrations (3 attended), 2 cancelled (one of them marked attended).
  await register("ended", people.ann!, { attended: true, attendanceSeconds: 3600, registeredAt: at(-9 * DAY) });
  await register("ended", people.bob!, { attended: true, attendanceSeconds: 1200, registeredAt: at(-9 * DAY) });
  await register("ended", people.cid!, { attended: true, attendanceSeconds: 600, registeredAt: at(-5 * DAY) });
  await register("ended", people.dee!, { status: "WAITING", registeredAt: at(-3 * DAY) });
  await register("ended", people.eve!, { registeredAt: at(-3 * DAY) });
  await register("ended", people.fay!, { status: "CANCELLED", registeredAt: at(-3 * DAY) });
  await register("ended", people.gus!, { status: "CANCELLED", attended: true, registeredAt: at(-3 * DAY) });
  await db.webinarSession.create({
    data: {
      webinarId: w.ended!.id,
      sessionKey: "s1",
      startsAt: at(-2 * DAY),
      endsAt: at(-2 * DAY + HOUR),
      registrantsAttended: 3,
    },
  });

  await register("next-week", people.ann!);
  await register("next-week", people.bob!);
  await register("tomorrow", people.ann!);
  await register("old", people.ann!, { attended: true });
  await register("lagging", people.ann!);
  await register("lagging", people.bob!);
  await register("cancelled", people.cid!);
});

describe("webinars report", () => {
  it("counts registered, attended and absent for a finished webinar, leaving cancelled registrations out", async () => {
    const page = await listWebinarReport({ db, accountId, tab: "finished", now });
    const ended = page.items.find((row) => row.id === w.ended!.id)!;
    expect(ended).toMatchObject({
      subject: "Delta ended",
      status: "ENDED",
      timeZone: "America/New_York",
      connector: { id: connectorId, name: "Main organizer" },
      registered: 5,
      attended: 3,
      absent: 2,
      attendanceRate: 0.6,
    });
  });

  it("splits upcoming (soonest first) from finished (latest first), cancelled ones with the finished", async () => {
    const upcoming = await listWebinarReport({ db, accountId, tab: "upcoming", now });
    expect(upcoming.items.map((row) => row.subject)).toEqual(["Gamma live", "Beta tomorrow", "Alpha next week"]);
    expect(upcoming.total).toBe(3);
    expect(
      upcoming.items.every((row) => row.attended === null && row.absent === null && row.attendanceRate === null),
    ).toBe(true);
    expect(upcoming.items.find((row) => row.id === w["next-week"]!.id)!.registered).toBe(2);

    const finished = await listWebinarReport({ db, accountId, tab: "finished", now });
    expect(finished.items.map((row) => row.subject)).toEqual([
      "Eta cancelled",
      "Epsilon lagging",
      "Delta ended",
      "Zeta old",
    ]);
    const cancelled = finished.items[0]!;
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      registered: 1,
      attended: null,
      absent: null,
      attendanceRate: null,
    });
    expect(finished.items[1]).toMatchObject({
      status: "SCHEDULED",
      registered: 2,
      attended: 0,
      absent: 2,
      attendanceRate: 0,
    });

    const withoutCancelled = await listWebinarReport({ db, accountId, tab: "finished", includeCancelled: false, now });
    expect(withoutCancelled.items.map((row) => row.subject)).toEqual(["Epsilon lagging", "Delta ended", "Zeta old"]);
  });

  it("pages on the server without overlap and reports the total", async () => {
    const first = await listWebinarReport({ db, accountId, tab: "finished", page: 1, pageSize: 3, now });
    const second = await listWebinarReport({ db, accountId, tab: "finished", page: 2, pageSize: 3, now });
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(second.items.map((row) => row.subject)).toEqual(["Zeta old"]);
  });

  it("sorts by a count, by subject and by attendance rate", async () => {
    const byRegistered = await listWebinarReport({
      db,
      accountId,
      tab: "finished",
      sort: "registered",
      order: "desc",
      now,
    });
    expect(byRegistered.items.map((row) => row.registered)).toEqual([5, 2, 1, 1]);
    expect(byRegistered.items.slice(2).map((row) => row.subject)).toEqual(["Eta cancelled", "Zeta old"]);

    const bySubject = await listWebinarReport({ db, accountId, tab: "upcoming", sort: "subject", order: "desc", now });
    expect(bySubject.items.map((row) => row.subject)).toEqual(["Gamma live", "Beta tomorrow", "Alpha next week"]);

    const byRate = await listWebinarReport({
      db,
      accountId,
      tab: "finished",
      sort: "attendanceRate",
      order: "desc",
      now,
    });
    expect(byRate.items.map((row) => row.subject).slice(0, 3)).toEqual(["Zeta old", "Delta ended", "Epsilon lagging"]);
    const paged = await listWebinarReport({
      db,
      accountId,
      tab: "finished",
      sort: "registered",
      order: "desc",
      pageSize: 2,
      page: 2,
      now,
    });
    expect(paged.items.map((row) => row.subject)).toEqual(["Eta cancelled", "Zeta old"]);
  });

  it("filters by connector and by subject", async () => {
    const second = await listWebinarReport({ db, accountId, tab: "upcoming", connectorId: otherConnectorId, now });
    expect(second.items.map((row) => row.subject)).toEqual(["Beta tomorrow"]);
    const searched = await listWebinarReport({ db, accountId, tab: "finished", q: "DELTA", now });
    expect(searched.items.map((row) => row.subject)).toEqual(["Delta ended"]);
    const wildcard = await listWebinarReport({ db, accountId, tab: "finished", q: "%", now });
    expect(wildcard.total).toBe(0);
  });

  it("never shows another account's webinars", async () => {
    const finished = await listWebinarReport({ db, accountId, tab: "finished", pageSize: 200, now });
    expect(finished.items.some((row) => row.id === w.foreign!.id)).toBe(false);
    await rejectsNotFound(getWebinarDetail({ db, accountId, webinarId: w.foreign!.id, now }));
    await rejectsNotFound(listWebinarProspects({ db, accountId, webinarId: w.foreign!.id, segment: "registered" }));
  });
});

describe("webinar detail", () => {
  it("gives counts, sessions, registrations per day in the webinar's zone and attendance totals", async () => {
    const detail = await getWebinarDetail({ db, accountId, webinarId: w.ended!.id, now });
    expect(detail.webinar).toMatchObject({ id: w.ended!.id, registered: 5, attended: 3, absent: 2, finished: true });
    expect(detail.sessions).toEqual([expect.objectContaining({ sessionKey: "s1", registrantsAttended: 3 })]);
    expect(detail.seriesTimeZone).toBe("America/New_York");
    const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(d);
    const days = detail.registrationsPerDay;
    expect(days[0]).toEqual({ date: day(at(-9 * DAY)), count: 2, cumulative: 2 });
    expect(days.at(-1)).toEqual({ date: day(at(-3 * DAY)), count: 2, cumulative: 5 });
    // Gaps are filled so a chart has one point per day.
    expect(days.length).toBeGreaterThanOrEqual(6);
    expect(days.find((d) => d.date === day(at(-7 * DAY)))).toMatchObject({ count: 0, cumulative: 2 });
    expect(detail.attendance).toEqual({
      registered: 5,
      attended: 3,
      absent: 2,
      totalMinutesAttended: 90,
      averageMinutesAttended: 30,
    });
  });

  it("leaves attendance empty while a webinar is upcoming", async () => {
    const detail = await getWebinarDetail({ db, accountId, webinarId: w["next-week"]!.id, now });
    expect(detail.webinar.finished).toBe(false);
    expect(detail.attendance).toEqual({
      registered: 2,
      attended: null,
      absent: null,
      totalMinutesAttended: null,
      averageMinutesAttended: null,
    });
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    await expect(getWebinarDetail({ db, accountId, webinarId: randomUUID() })).rejects.toBeInstanceOf(DomainError);
  });
});

describe("drill-down", () => {
  const emails = (rows: { email: string }[]) => rows.map((row) => row.email);

  it("lists each segment's prospects", async () => {
    const base = { accountId, webinarId: w.ended!.id, now };
    const registered = await listWebinarProspects({ db, ...base, segment: "registered" });
    expect(emails(registered.items)).toEqual([
      "ann@acme.test",
      "bob@bolt.test",
      "cid@corp.test",
      "dee@dyn.test",
      "eve@evil.test",
    ]);
    expect(registered.total).toBe(5);
    const attended = await listWebinarProspects({ db, ...base, segment: "attended" });
    expect(emails(attended.items)).toEqual(["ann@acme.test", "bob@bolt.test", "cid@corp.test"]);
    const absent = await listWebinarProspects({ db, ...base, segment: "absent" });
    expect(emails(absent.items)).toEqual(["dee@dyn.test", "eve@evil.test"]);
    expect(absent.items[0]).toMatchObject({
      id: people.dee,
      firstName: "@Dee",
      lastName: "Dunn",
      company: null,
      status: "WAITING",
      minutesAttended: 0,
    });
  });

  it("sorts and pages on the server", async () => {
    const base = { accountId, webinarId: w.ended!.id, segment: "registered" as const, now };
    const byMinutes = await listWebinarProspects({ db, ...base, sort: "minutes", order: "desc" });
    expect(byMinutes.items.map((row) => row.minutesAttended)).toEqual([60, 20, 10, 0, 0]);
    const attendedByName = (page: number) =>
      listWebinarProspects({ db, ...base, segment: "attended", sort: "name", order: "desc", pageSize: 2, page });
    const byName = await attendedByName(1);
    expect(emails(byName.items)).toEqual(["cid@corp.test", "bob@bolt.test"]);
    expect(byName.total).toBe(3);
    const lastPage = await attendedByName(2);
    expect(emails(lastPage.items)).toEqual(["ann@acme.test"]);
    const byCompany = await listWebinarProspects({ db, ...base, sort: "company" });
    expect(emails(byCompany.items).at(-1)).toBe("dee@dyn.test");
    const byStatus = await listWebinarProspects({ db, ...base, sort: "status", order: "asc" });
    expect(byStatus.items[0]!.status).toBe("WAITING");
  });

  it("searches by e-mail, name or company", async () => {
    const base = { accountId, webinarId: w.ended!.id, segment: "registered" as const, now };
    expect(emails((await listWebinarProspects({ db, ...base, q: "corp" })).items)).toEqual(["cid@corp.test"]);
    expect(emails((await listWebinarProspects({ db, ...base, q: "ann archer" })).items)).toEqual(["ann@acme.test"]);
  });

  it("refuses the absent segment before a webinar has finished, naming the field", async () => {
    const error = await listWebinarProspects({
      db,
      accountId,
      webinarId: w["next-week"]!.id,
      segment: "absent",
      now,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "VALIDATION", details: { field: "segment" } });
  });
});

describe("CSV export", () => {
  async function readAll(rows: AsyncIterable<string[]>) {
    const out: string[][] = [];
    for await (const row of rows) out.push(row);
    return out;
  }

  it("streams every row of the segment in batches, formulas neutralised", async () => {
    const exported = await exportWebinarProspects({
      db,
      accountId,
      webinarId: w.ended!.id,
      segment: "registered",
      batchSize: 2,
      now,
    });
    expect(exported.filename).toBe("Delta ended-registered.csv");
    expect(exported.header.join(",")).toBe(
      "Email,First name,Last name,Company,Status,Attended,Minutes attended,% of session,Questions asked,Poll answers,Survey answers,Registered at,Source",
    );
    const rows = await readAll(exported.rows);
    expect(rows.map((row) => row[0])).toEqual([
      "ann@acme.test",
      "bob@bolt.test",
      "cid@corp.test",
      "dee@dyn.test",
      "eve@evil.test",
    ]);
    expect(rows[0]).toEqual([
      "ann@acme.test",
      "Ann",
      "Archer",
      "Acme",
      "Approved",
      "yes",
      "60",
      "",
      "0",
      "0",
      "0",
      at(-9 * DAY).toISOString(),
      "",
    ]);
    expect(rows[1]![3]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[3]![1]).toBe("'@Dee");
    expect(rows[4]!.slice(2, 4)).toEqual(["'+Evans", "'-Minus"]);
  });

  it("checks the webinar before streaming anything", async () => {
    await rejectsNotFound(exportWebinarProspects({ db, accountId, webinarId: w.foreign!.id, segment: "registered" }));
  });
});

describe("bulk actions on a drill-down", () => {
  it("adds chosen prospects of the segment to a list by name, ignoring ids outside it, idempotently", async () => {
    const options = {
      accountId,
      webinarId: w.ended!.id,
      segment: "absent" as const,
      prospectIds: [people.dee!, people.ann!],
      action: "ADD_TO_LIST" as const,
      listName: "No-shows Delta",
      now,
    };
    const first = await applyWebinarProspectsAction({ db, ...options });
    expect(first).toMatchObject({ matched: 1, affected: 1, target: { name: "No-shows Delta" } });
    const again = await applyWebinarProspectsAction({ db, ...options, listName: "no-shows delta" });
    expect(again).toMatchObject({ matched: 1, affected: 0, target: { id: first.target.id } });
    const members = await db.listMembership.findMany({ where: { listId: first.target.id } });
    expect(members.map((m) => m.prospectId)).toEqual([people.dee]);
  });

  it('applies "all" to the whole segment, not just a page, and tags by id', async () => {
    const tag = await db.tag.create({ data: { accountId, name: "Attended Delta" } });
    const tagAllAttended = () =>
      applyWebinarProspectsAction({
        db,
        accountId,
        webinarId: w.ended!.id,
        segment: "attended",
        prospectIds: "all",
        action: "ADD_TAG",
        tagId: tag.id,
        now,
      });
    const result = await tagAllAttended();
    expect(result).toMatchObject({ matched: 3, affected: 3, target: { id: tag.id } });
    const tagged = await db.prospectTag.findMany({ where: { tagId: tag.id } });
    expect(tagged.map((t) => t.prospectId).sort()).toEqual([people.ann, people.bob, people.cid].sort());
    const repeat = await tagAllAttended();
    expect(repeat.affected).toBe(0);
  });

  it('narrows "all" to the search the user is looking at', async () => {
    const result = await applyWebinarProspectsAction({
      db,
      accountId,
      webinarId: w.ended!.id,
      segment: "registered",
      prospectIds: "all",
      q: "acme",
      action: "ADD_TAG",
      tagName: "Acme folks",
      now,
    });
    expect(result).toMatchObject({ matched: 1, affected: 1 });
  });

  it("adds a merged-away registrant's master", async () => {
    const master = await createProspect(db, { accountId });
    const old = await createProspect(db, { accountId, mergedIntoId: master.id });
    await register("old", old.id);
    const result = await applyWebinarProspectsAction({
      db,
      accountId,
      webinarId: w.old!.id,
      segment: "registered",
      prospectIds: [old.id],
      action: "ADD_TO_LIST",
      listName: "Old attendees",
      now,
    });
    expect(result.affected).toBe(1);
    expect(await db.listMembership.findMany({ where: { listId: result.target.id } })).toEqual([
      expect.objectContaining({ prospectId: master.id }),
    ]);
  });

  it("refuses another account's list, a missing target and an empty selection", async () => {
    const foreignList = await db.list.create({ data: { accountId: otherAccountId, name: "Theirs" } });
    const base = {
      accountId,
      webinarId: w.ended!.id,
      segment: "registered" as const,
      prospectIds: "all" as const,
      now,
    };
    await rejectsNotFound(applyWebinarProspectsAction({ db, ...base, action: "ADD_TO_LIST", listId: foreignList.id }));
    expect(await db.listMembership.count({ where: { listId: foreignList.id } })).toBe(0);
    await expect(applyWebinarProspectsAction({ db, ...base, action: "ADD_TAG" })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { field: "tagId" },
    });
    await expect(
      applyWebinarProspectsAction({ db, ...base, prospectIds: [], action: "ADD_TAG", tagName: "x" }),
    ).rejects.toMatchObject({ code: "VALIDATION", details: { field: "prospectIds" } });
  });
});
