import { randomUUID } from "node:crypto";
import { createAccount, createConnector, createProspect, createWebinar, gotoKey, useTestDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { mergeProspects } from "../src/prospects/index";
import { recordAttendance } from "../src/sync/record-attendance";
import { upsertRegistrants } from "../src/sync/upsert-registrants";
import { applyWebhookBatch, cancelRegistrations } from "../src/webhook-events/index";

const { db } = useTestDatabase("webinar_counts");

/** The counters next to a fresh count of the registrations, for every webinar of the account. */
async function countersAndFreshCounts(accountId: string) {
  return db.$queryRaw<{ webinarId: string; kept: string; fresh: string }[]>`
    SELECT w."id" AS "webinarId",
           COALESCE(c."registered", 0) || '/' || COALESCE(c."attended", 0) AS kept,
           (SELECT count(*) FILTER (WHERE r."status" <> 'CANCELLED') || '/' ||
                   count(*) FILTER (WHERE r."status" <> 'CANCELLED' AND r."attended")
            FROM "WebinarRegistration" r WHERE r."webinarId" = w."id") AS fresh
    FROM "Webinar" w LEFT JOIN "WebinarCounts" c ON c."webinarId" = w."id"
    WHERE w."accountId" = ${accountId}::uuid ORDER BY w."id"`;
}

describe("WebinarCounts", () => {
  it("stays equal to a fresh count through syncs, webhooks, attendance, cancellations, merges and deletions", async () => {
    const account = await createAccount(db);
    const connector = await createConnector(db, { accountId: account.id, status: "VERIFIED" });
    const syncConnector = { id: connector.id, accountId: account.id, createProspects: true, campaignId: null };
    const [a, b, c] = [
      await createWebinar(db, { accountId: account.id, connectorId: connector.id }),
      await createWebinar(db, { accountId: account.id, connectorId: connector.id }),
      await createWebinar(db, { accountId: account.id, connectorId: connector.id }),
    ];
    const people = Array.from({ length: 12 }, (_, i) => ({
      registrantKey: gotoKey(),
      email: `count-${i}-${randomUUID()}@example.com`,
      firstName: "Count",
      lastName: `${i}`,
    }));
    const expectExact = async (label: string) => {
      const rows = await countersAndFreshCounts(account.id);
      for (const row of rows) expect(row.kept, `${label}: webinar ${row.webinarId}`).toBe(row.fresh);
      return rows;
    };

    // A poll: all twelve on A, the first six on B.
    const sync = await upsertRegistrants({
      db,
      webinar: a,
      connector: syncConnector,
      registrants: people,
      complete: true,
    });
    await upsertRegistrants({
      db,
      webinar: b,
      connector: syncConnector,
      registrants: people.slice(0, 6),
      complete: true,
    });
    expect((await expectExact("after the polls")).map((r) => r.kept).sort()).toEqual(["0/0", "12/0", "6/0"]);

    // Attendance after the end, then a poll that no longer lists two (they are cancelled).
    await recordAttendance({
      db,
      webinar: a,
      prospectIdByEmail: sync.prospectIdByEmail,
      attendees: people.slice(0, 5).map((p) => ({
        ...p,
        sessionKey: "1",
        attendanceTimeInSeconds: 600,
        attendance: [{ joinTime: a.startsAt.toISOString(), leaveTime: a.endsAt.toISOString() }],
      })),
    });
    await upsertRegistrants({ db, webinar: a, connector: syncConnector, registrants: people.slice(2), complete: true });
    await expectExact("after attendance and a poll that cancels two");

    // Webhooks: registrant.added for C, applied as a batch.
    const ids: string[] = [];
    for (const p of people.slice(0, 4)) {
      const event = await db.webhookEvent.create({
        data: {
          accountId: account.id,
          connectorId: connector.id,
          eventKey: randomUUID(),
          eventName: "registrant.added",
          payload: {
            eventName: "registrant.added",
            eventVersion: "1.0.0",
            product: "g2w",
            eventKey: randomUUID(),
            webinarKey: c.webinarKey,
            status: "APPROVED",
            responses: [],
            ...p,
          },
        },
      });
      ids.push(event.id);
    }
    expect((await applyWebhookBatch({ db, eventId: ids[0]! })).settled).toBe(4);
    await expectExact("after the webhooks");

    // A cancellation from GoTo, and a merge: two registrants of B become one prospect.
    await cancelRegistrations({
      db,
      webinar: c,
      registrantKeys: [people[0]!.registrantKey],
      now: new Date(),
      reason: "test",
    });
    await expectExact("after a cancellation");
    const [first, second] = [people[0]!, people[1]!].map((p) => sync.prospectIdByEmail.get(p.email.toLowerCase())!);
    await mergeProspects({ db, accountId: account.id, prospectId: second!, intoId: first! });
    await expectExact("after a merge");

    // A prospect deleted with its registrations, and a webinar deleted: nothing left behind.
    const extra = await createProspect(db, { accountId: account.id });
    await db.webinarRegistration.create({
      data: {
        accountId: account.id,
        webinarId: b.id,
        prospectId: extra.id,
        status: "APPROVED",
        source: "FORM",
        registeredAt: new Date(),
      },
    });
    await db.prospect.delete({ where: { id: extra.id } });
    await db.webinar.delete({ where: { id: a.id } });
    await expectExact("after deletions");
    expect(await db.webinarCounts.count({ where: { webinarId: a.id } })).toBe(0);
  });

  it("gives every webinar its row carrying the account, the start and whether it is cancelled, which the count sorts read", async () => {
    const account = await createAccount(db);
    const connector = await createConnector(db, { accountId: account.id, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId: account.id, connectorId: connector.id });
    const row = () => db.webinarCounts.findUniqueOrThrow({ where: { webinarId: webinar.id } });
    expect(await row()).toMatchObject({
      accountId: account.id,
      startsAt: webinar.startsAt,
      cancelled: false,
      registered: 0,
      attended: 0,
    });
    const moved = new Date(webinar.startsAt.getTime() + 86_400_000);
    await db.webinar.update({
      where: { id: webinar.id },
      data: { startsAt: moved, endsAt: new Date(moved.getTime() + 3_600_000) },
    });
    expect(await row()).toMatchObject({ startsAt: moved, cancelled: false });
    await db.webinar.update({ where: { id: webinar.id }, data: { status: "CANCELLED" } });
    expect(await row()).toMatchObject({ startsAt: moved, cancelled: true });
    await db.webinar.update({ where: { id: webinar.id }, data: { status: "SCHEDULED" } });
    expect((await row()).cancelled).toBe(false);
  });
});
