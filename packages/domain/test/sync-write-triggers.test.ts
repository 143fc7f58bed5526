import { randomUUID } from "node:crypto";
import { pgQuery, pgTransaction } from "@gw/db";
import { createAccount, createConnector, createWebinar, gotoKey, useTestDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { recordAttendance } from "../src/sync/record-attendance";
import { upsertRegistrants } from "../src/sync/upsert-registrants";

const { db } = useTestDatabase("sync_write_triggers");

const HOUR = 3_600_000;

async function pastWebinars(count: number) {
  const account = await createAccount(db);
  const connector = await createConnector(db, { accountId: account.id, status: "VERIFIED" });
  const startsAt = new Date(Date.now() - 2 * 24 * HOUR);
  const webinars = [];
  for (let i = 0; i < count; i++) {
    webinars.push(
      await createWebinar(db, {
        accountId: account.id,
        connectorId: connector.id,
        startsAt,
        approvalType: "AUTOMATIC",
      }),
    );
  }
  return {
    accountId: account.id,
    connector: { id: connector.id, accountId: account.id, createProspects: true, campaignId: null },
    webinars,
  };
}

function people(count: number, label: string) {
  return Array.from({ length: count }, (_, i) => ({
    registrantKey: gotoKey(),
    email: `${label}-${i}-${randomUUID()}@example.com`,
    firstName: "Trig",
    lastName: `${i}`,
    registrationDate: new Date(Date.now() - 3 * 24 * HOUR).toISOString(),
  }));
}

const attendeesOf = (webinar: { startsAt: Date }, registrants: ReturnType<typeof people>) =>
  registrants.map((r, i) => {
    const join = new Date(webinar.startsAt.getTime() + i * 60_000);
    // Two attendee rows for some (two stays): folded into one registration.
    const stays = i % 3 === 0 ? 2 : 1;
    return Array.from({ length: stays }, (_, s) => ({
      registrantKey: r.registrantKey,
      sessionKey: "s1",
      email: r.email,
      attendanceTimeInSeconds: 600 + s * 60,
      attendance: [
        {
          joinTime: new Date(join.getTime() + s * 900_000).toISOString(),
          leaveTime: new Date(join.getTime() + s * 900_000 + 600_000).toISOString(),
        },
      ],
    }));
  });

const registrationColumns = `r."attended", r."attendanceSeconds", r."attendance", r."joinedAt", r."attendancePercent", r."status"`;

describe("sync writes and their triggers", () => {
  it("creates a registration with its attendance in one write, equal to an insert then an update, counters exact", async () => {
    const { connector, webinars } = await pastWebinars(2);
    const [oneWrite, twoWrites] = webinars as [(typeof webinars)[number], (typeof webinars)[number]];
    const registrants = people(40, "att");
    const attendees = attendeesOf(oneWrite, registrants.slice(0, 25)).flat();
    const now = new Date();

    // A poll then its attendance, as syncWebinar writes them (`oneWrite`: the attendees go to the upsert too).
    const write = async (webinar: typeof oneWrite, attended: typeof attendees, oneStatement: boolean) => {
      const written = await upsertRegistrants({
        db,
        webinar,
        connector,
        registrants,
        complete: true,
        now,
        attendees: oneStatement ? attended : undefined,
      });
      const recorded = await recordAttendance({
        db,
        webinar,
        attendees: attended,
        prospectIdByEmail: written.prospectIdByEmail,
        writtenWithAttendance: written.writtenWithAttendance,
      });
      return { written, recorded };
    };
    const once = await write(oneWrite, attendees, true);
    expect(once.written.registrationsCreated).toBe(40);
    expect(once.written.writtenWithAttendance.size).toBe(25);
    expect(once.recorded.updated).toBe(0);
    // The same people and attendance written the old way, on the other webinar.
    const twice = await write(twoWrites, attendees, false);
    expect(twice.written.writtenWithAttendance.size).toBe(0);
    expect(twice.recorded.updated).toBe(25);

    const rowsOf = (webinarId: string) =>
      pgQuery<Record<string, unknown>>(
        db,
        `SELECT r."prospectId", ${registrationColumns} FROM "WebinarRegistration" r
         WHERE r."webinarId" = $1::uuid ORDER BY r."prospectId"`,
        [webinarId],
      );
    const [a, b] = [await rowsOf(oneWrite.id), await rowsOf(twoWrites.id)];
    expect(a).toEqual(b);
    expect(a.filter((r) => r.attended)).toHaveLength(25);
    expect(a.find((r) => r.attended)?.attendancePercent).toBeGreaterThan(0);

    const counts = await pgQuery<{ webinarId: string; registered: number; attended: number }>(
      db,
      `SELECT "webinarId", "registered", "attended" FROM "WebinarCounts" WHERE "webinarId" = ANY($1::uuid[]) ORDER BY 1`,
      [[oneWrite.id, twoWrites.id]],
    );
    expect(counts.map((c) => [c.registered, c.attended])).toEqual([
      [40, 25],
      [40, 25],
    ]);

    // Late data (longer stays) reaches the registrations created with their attendance.
    const later = attendees.map((x) => ({ ...x, attendanceTimeInSeconds: x.attendanceTimeInSeconds + 30 }));
    const again = await write(oneWrite, later, true);
    expect(again.written.writtenWithAttendance.size).toBe(0);
    expect(again.recorded.updated).toBe(25);
  });

  it("pairs old and new rows of a large update exactly on a connection whose first update changed nothing", async () => {
    const { accountId, connector, webinars } = await pastWebinars(1);
    const webinar = webinars[0]!;
    const registrants = people(300, "pair");
    const written = await upsertRegistrants({ db, webinar, connector, registrants, complete: true });
    const ids = [...written.prospectIdByEmail.values()].sort();
    const [cancelled, touched, changed] = [ids.slice(0, 100), ids.slice(100, 200), ids.slice(200, 300)];
    await pgQuery(
      db,
      `UPDATE "WebinarRegistration" SET "status" = 'CANCELLED', "cancelledAt" = now() WHERE "prospectId" = ANY($1::uuid[])`,
      [cancelled],
    );
    await pgQuery(db, `DELETE FROM "SegmentDirtyProspect" WHERE "accountId" = $1::uuid`, [accountId]);
    await pgQuery(db, `DELETE FROM "ChangeEvent" WHERE "accountId" = $1::uuid`, [accountId]);

    await pgTransaction(db, async (query) => {
      // Updates nothing, yet fires the UPDATE triggers with empty transition tables first.
      await query(
        `INSERT INTO "WebinarRegistration" ("accountId", "webinarId", "prospectId", "registeredAt", "updatedAt")
         SELECT "accountId", "webinarId", "prospectId", "registeredAt", now() FROM "WebinarRegistration" WHERE "webinarId" = $1::uuid
         ON CONFLICT ("webinarId", "prospectId") DO UPDATE SET "updatedAt" = now() WHERE false`,
        [webinar.id],
      );
      await query(
        `UPDATE "WebinarRegistration" SET
           "status" = CASE WHEN "prospectId" = ANY($2::uuid[]) THEN 'APPROVED'::"RegistrationStatus" ELSE "status" END,
           "cancelledAt" = CASE WHEN "prospectId" = ANY($2::uuid[]) THEN NULL ELSE "cancelledAt" END,
           "attendanceSeconds" = CASE WHEN "prospectId" = ANY($3::uuid[]) THEN 60 ELSE "attendanceSeconds" END,
           "lastSeenAt" = now(), "updatedAt" = now()
         WHERE "webinarId" = $1::uuid`,
        [webinar.id, cancelled, changed],
      );
    });

    const events = await pgQuery<{ prospectId: string }>(
      db,
      `SELECT "prospectId" FROM "ChangeEvent" WHERE "accountId" = $1::uuid AND "type" = 'participation.registered'
         AND "data" ->> 'reregistered' = 'true' ORDER BY 1`,
      [accountId],
    );
    expect(events.map((e) => e.prospectId)).toEqual(cancelled);
    const marked = await pgQuery<{ prospectId: string }>(
      db,
      `SELECT "prospectId" FROM "SegmentDirtyProspect" WHERE "accountId" = $1::uuid ORDER BY 1`,
      [accountId],
    );
    // lastSeenAt and updatedAt alone are bookkeeping: the hundred only touched are not marked.
    expect(marked.map((m) => m.prospectId)).toEqual([...cancelled, ...changed].sort());
    expect(touched.some((id) => marked.some((m) => m.prospectId === id))).toBe(false);
  });

  it("leaves a pending mark as it is when its prospect changes again, and moves a claimed one on", async () => {
    const { accountId, connector, webinars } = await pastWebinars(1);
    const webinar = webinars[0]!;
    const written = await upsertRegistrants({ db, webinar, connector, registrants: people(2, "mark"), complete: true });
    const [pending, claimed] = [...written.prospectIdByEmail.values()].sort() as [string, string];
    const marks = () =>
      pgQuery<{ prospectId: string; seq: string; dirtiedAt: Date; claimedUntil: Date | null }>(
        db,
        `SELECT "prospectId", "seq"::text AS "seq", "dirtiedAt", "claimedUntil" FROM "SegmentDirtyProspect"
         WHERE "accountId" = $1::uuid ORDER BY 1`,
        [accountId],
      );
    const first = await marks();
    expect(first.map((m) => m.prospectId)).toEqual([pending, claimed]);
    // The segment consumer claims one of them (processDirtyProspects' claim).
    await pgQuery(
      db,
      `UPDATE "SegmentDirtyProspect" SET "claimedUntil" = now() + interval '1 minute' WHERE "prospectId" = $1::uuid`,
      [claimed],
    );

    await pgQuery(db, `UPDATE "Prospect" SET "score" = "score" + 5 WHERE "id" = ANY($1::uuid[])`, [[pending, claimed]]);
    const second = await marks();
    expect(second[0]).toEqual(first[0]);
    expect(BigInt(second[1]!.seq)).toBeGreaterThan(BigInt(first[1]!.seq));

    // A change from a human (depth 0) still lowers a pending mark left by an automation rule.
    await pgQuery(db, `UPDATE "SegmentDirtyProspect" SET "depth" = 2 WHERE "prospectId" = $1::uuid`, [pending]);
    await pgQuery(db, `UPDATE "Prospect" SET "score" = "score" + 5 WHERE "id" = $1::uuid`, [pending]);
    const [lowered] = await pgQuery<{ depth: number; seq: string }>(
      db,
      `SELECT "depth", "seq"::text AS "seq" FROM "SegmentDirtyProspect" WHERE "prospectId" = $1::uuid`,
      [pending],
    );
    expect(lowered?.depth).toBe(0);
    expect(BigInt(lowered!.seq)).toBeGreaterThan(BigInt(first[0]!.seq));
  });
});
