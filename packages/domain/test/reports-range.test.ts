// The report's date range, Absent sort, summary CSV, attendance trend and the drill-down's natural
// e-mail order, on fixed dates so the days a range cuts are known.
import type { Db } from "@gw/db";
import {
  createAccount,
  createConnector,
  createProspect,
  createRegistration,
  createTestDatabase,
  createWebinar,
  type TestDatabase,
} from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportWebinarProspects,
  exportWebinarReport,
  getAttendanceTrend,
  listWebinarProspects,
  listWebinarReport,
} from "../src/reports";

const now = new Date("2026-06-30T12:00:00Z");
let database: TestDatabase;
let db: Db;
let accountId: string;
const ids: Record<string, string> = {};

async function collect(rows: AsyncIterable<string[]>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of rows) out.push(row);
  return out;
}

beforeAll(async () => {
  database = await createTestDatabase("reports-range");
  db = database.db;
  accountId = (await createAccount(db)).id;
  const other = (await createAccount(db)).id;
  const connectorId = (await createConnector(db, { accountId, name: "Main" })).id;
  const foreignConnector = (await createConnector(db, { accountId: other })).id;
  const webinar = async (key: string, startsAt: string, registered: number, attended: number, extra = {}) => {
    const w = await createWebinar(db, {
      accountId,
      connectorId,
      subject: key,
      startsAt: new Date(startsAt),
      status: "ENDED",
      ...extra,
    });
    ids[key] = w.id;
    for (let i = 0; i < registered; i++) {
      const p = await createProspect(db, { accountId, email: `${key.toLowerCase()}-${i}@example.test` });
      await createRegistration(db, { accountId, webinarId: w.id, prospectId: p.id, attended: i < attended });
    }
  };
  await webinar("March kickoff", "2026-03-10T15:00:00Z", 4, 3);
  // 23:30 UTC on 31 May is already 1 June in Berlin: the zone decides which day it starts on.
  await webinar("May late night", "2026-05-31T23:30:00Z", 5, 1);
  await webinar("June deep dive", "2026-06-15T15:00:00Z", 2, 2);
  await webinar("June cancelled", "2026-06-20T15:00:00Z", 3, 0, { status: "CANCELLED" });
  await createWebinar(db, {
    accountId: other,
    connectorId: foreignConnector,
    subject: "Foreign June",
    startsAt: new Date("2026-06-16T15:00:00Z"),
    status: "ENDED",
  });

  const drill = await createWebinar(db, {
    accountId,
    connectorId,
    subject: "Natural order",
    startsAt: new Date("2026-01-05T15:00:00Z"),
    status: "ENDED",
  });
  ids.drill = drill.id;
  for (const email of ["a10@x.test", "B1@x.test", "a2@x.test", "a1@x.test"]) {
    const p = await createProspect(db, { accountId, email });
    await createRegistration(db, { accountId, webinarId: drill.id, prospectId: p.id });
  }
});
afterAll(async () => database?.drop());

const subjects = (page: { items: { subject: string }[] }) => page.items.map((row) => row.subject);

describe("the report's date range", () => {
  it("keeps the webinars starting between the two days, both included, in the viewer's zone", async () => {
    const utc = await listWebinarReport({ db, accountId, tab: "finished", from: "2026-06-01", to: "2026-06-30", now });
    expect(subjects(utc)).toEqual(["June cancelled", "June deep dive"]);
    const berlin = await listWebinarReport({
      db,
      accountId,
      tab: "finished",
      from: "2026-06-01",
      to: "2026-06-30",
      timeZone: "Europe/Berlin",
      now,
    });
    expect(subjects(berlin)).toEqual(["June cancelled", "June deep dive", "May late night"]);
    expect(berlin.total).toBe(3);
    const toOnly = await listWebinarReport({ db, accountId, tab: "finished", to: "2026-03-10", now });
    expect(subjects(toOnly)).toEqual(["March kickoff", "Natural order"]);
  });

  it("sorts by absent, ties by the latest start, the cancelled webinar with the blanks", async () => {
    const desc = await listWebinarReport({ db, accountId, tab: "finished", sort: "absent", order: "desc", now });
    expect(subjects(desc)).toEqual([
      "May late night",
      "Natural order",
      "March kickoff",
      "June deep dive",
      "June cancelled",
    ]);
    expect(desc.items.map((row) => row.absent)).toEqual([4, 4, 1, 0, null]);
  });
});

describe("the report's summary CSV", () => {
  it("has one row per webinar of the filter, every page, with the labels the page shows", async () => {
    const exported = exportWebinarReport({
      db,
      accountId,
      tab: "finished",
      q: "june",
      sort: "absent",
      order: "desc",
      now,
      batchSize: 1,
    });
    // The header itself is pinned by the route test (apps/api/test/reports.test.ts).
    const rows = await collect(exported.rows);
    expect(rows).toEqual([
      [
        "June deep dive",
        "",
        "2026-06-15T15:00:00.000Z",
        "2026-06-15T16:00:00.000Z",
        "Europe/Paris",
        "Finished",
        "Main",
        "2",
        "2",
        "0",
        "100.0",
      ],
      [
        "June cancelled",
        "",
        "2026-06-20T15:00:00.000Z",
        "2026-06-20T16:00:00.000Z",
        "Europe/Paris",
        "Cancelled",
        "Main",
        "3",
        "",
        "",
        "",
      ],
    ]);
  });
});

describe("the attendance trend", () => {
  it("gives the finished, not cancelled webinars of the filter oldest first, with their rate", async () => {
    const trend = await getAttendanceTrend({ db, accountId, from: "2026-03-01", now });
    expect(trend.items.map((p) => [p.subject, p.registered, p.attended, p.absent, p.attendanceRate])).toEqual([
      ["March kickoff", 4, 3, 1, 0.75],
      ["May late night", 5, 1, 4, 0.2],
      ["June deep dive", 2, 2, 0, 1],
    ]);
    expect(trend.total).toBe(3);
  });
});

describe("the drill-down's e-mail order", () => {
  it("sorts e-mails naturally: numbers as numbers, case aside, in the page and the CSV", async () => {
    const page = await listWebinarProspects({ db, accountId, webinarId: ids.drill!, segment: "registered" });
    expect(page.items.map((p) => p.email)).toEqual(["a1@x.test", "a2@x.test", "a10@x.test", "B1@x.test"]);
    const desc = await listWebinarProspects({
      db,
      accountId,
      webinarId: ids.drill!,
      segment: "registered",
      sort: "email",
      order: "desc",
    });
    expect(desc.items.map((p) => p.email)).toEqual(["B1@x.test", "a10@x.test", "a2@x.test", "a1@x.test"]);
    const exported = await exportWebinarProspects({ db, accountId, webinarId: ids.drill!, segment: "registered" });
    const rows = await collect(exported.rows);
    expect(rows.map((r) => r[0])).toEqual(["a1@x.test", "a2@x.test", "a10@x.test", "B1@x.test"]);
    expect(rows.map((r) => r[4])).toEqual(["Approved", "Approved", "Approved", "Approved"]);
  });
});
