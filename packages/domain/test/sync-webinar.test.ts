import { createProspect } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { listAbsentees } from "../src/sync/index";
import { HOUR, MINUTE, type SyncEnv, useSyncEnv } from "./sync-env";

const env = useSyncEnv("syncweb");

/** A connector with webinars seeded in the stand-in and discovered; returns our webinar rows in order. */
async function seeded(webinars: Parameters<SyncEnv["seed"]>[0], options: { createProspects?: boolean } = {}) {
  const { scenario, ...connector } = await env.seed(webinars, options);
  const rows = await Promise.all(
    scenario.webinars.map((w) =>
      env.db.webinar.findFirstOrThrow({ where: { connectorId: connector.connectorId, webinarKey: w.webinarKey } }),
    ),
  );
  const registrants = await Promise.all(scenario.webinars.map((w) => env.sim.control.registrants(w.webinarKey)));
  return { ...connector, webinars: rows, registrants };
}

/** Everything a sync writes, to compare before and after a re-run. */
async function snapshot(accountId: string) {
  const [prospects, registrations, activities] = await Promise.all([
    env.db.prospect.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    env.db.webinarRegistration.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    env.db.activity.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
  ]);
  return { prospects, registrations, activities };
}

describe("registrant sync", () => {
  it("creates prospects for unknown registrants with the connector's campaign and only GoTo's three fields", async () => {
    const { accountId, campaignId, webinars, registrants } = await seeded([
      { startsInMinutes: 3 * 24 * 60, registrants: 5 },
    ]);
    const [first, ...others] = registrants[0]!;
    // Known already, typed differently, with a name of our own and no last name.
    const known = await createProspect(env.db, {
      accountId,
      email: `  ${first!.email.toUpperCase()} `.trim(),
      firstName: "Custom",
      lastName: null,
      company: "Ours",
    });

    const result = await env.sync(webinars[0]!.id);
    expect(result).toMatchObject({
      status: "synced",
      kind: "REGISTRANTS",
      counts: { fetched: 5, created: 5, updated: 0, skipped: 0 },
    });
    expect(result.status === "synced" && result.details).toMatchObject({
      prospectsCreated: 4,
      prospectsUpdated: 1,
      activitiesCreated: 10,
      pointsAwarded: 75,
    });

    const created = await env.db.prospect.findMany({ where: { accountId, id: { not: known.id } } });
    expect(created.map((p) => p.email).sort()).toEqual(others.map((r) => r.email).sort());
    for (const prospect of created) {
      const registrant = others.find((r) => r.email === prospect.email)!;
      expect(prospect).toMatchObject({
        campaignId,
        source: "GOTO_SYNC",
        firstName: registrant.firstName,
        lastName: registrant.lastName,
        company: null,
        jobTitle: null,
        score: 15,
      });
    }
    expect(await env.db.prospect.findUniqueOrThrow({ where: { id: known.id } })).toMatchObject({
      firstName: "Custom",
      lastName: first!.lastName,
      company: "Ours",
      campaignId: null,
      score: 15,
    });

    const registration = await env.db.webinarRegistration.findFirstOrThrow({ where: { prospectId: known.id } });
    expect(registration).toMatchObject({
      registrantKey: first!.registrantKey,
      joinUrl: first!.joinUrl,
      status: "APPROVED",
      source: "GOTO",
      registeredAt: new Date(first!.registrationDate),
    });
    const activities = await env.db.activity.findMany({ where: { prospectId: known.id }, orderBy: { type: "asc" } });
    expect(activities.map((a) => [a.type, a.occurredAt.toISOString(), a.points])).toEqual([
      ["REGISTERED", new Date(first!.registrationDate).toISOString(), 10],
      ["ACCEPTED", new Date(first!.registrationDate).toISOString(), 5],
    ]);
  });

  it("changes nothing when run again: same rows, same scores", async () => {
    const { accountId, webinars } = await seeded([
      { startsInMinutes: 10 * 24 * 60, registrants: 20, approvalType: "MANUAL" },
    ]);
    await env.sync(webinars[0]!.id);
    const before = await snapshot(accountId);
    await env.advance(30 * MINUTE);
    const again = await env.sync(webinars[0]!.id);
    expect(again).toMatchObject({ status: "synced", counts: { fetched: 20, created: 0, updated: 0, skipped: 0 } });
    expect(again.status === "synced" && again.details).toMatchObject({
      activitiesCreated: 0,
      pointsAwarded: 0,
      prospectsCreated: 0,
      prospectsUpdated: 0,
    });
    expect(await snapshot(accountId)).toEqual(before);
    expect(await env.db.syncRun.count({ where: { webinarId: webinars[0]!.id, status: "SUCCEEDED" } })).toBe(2);
  });

  it("with create-prospects off, skips unknown registrants but gives known ones their registration and activities", async () => {
    const { accountId, webinars, registrants } = await seeded([{ startsInMinutes: 60, registrants: 4 }], {
      createProspects: false,
    });
    const known = await createProspect(env.db, { accountId, email: registrants[0]![2]!.email });
    const result = await env.sync(webinars[0]!.id);
    expect(result).toMatchObject({ status: "synced", counts: { fetched: 4, created: 1, skipped: 3 } });
    expect(await env.db.prospect.count({ where: { accountId } })).toBe(1);
    expect(await env.db.webinarRegistration.findMany({ where: { accountId } })).toMatchObject([
      { prospectId: known.id, registrantKey: registrants[0]![2]!.registrantKey },
    ]);
    expect(await env.db.activity.count({ where: { prospectId: known.id } })).toBe(2);
    const run = await env.db.syncRun.findFirstOrThrow({ where: { webinarId: webinars[0]!.id } });
    expect(run).toMatchObject({
      kind: "REGISTRANTS",
      status: "SUCCEEDED",
      fetched: 4,
      created: 1,
      skipped: 3,
      apiRequests: 1,
      error: null,
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("attaches a registrant whose e-mail belongs to a merged-away prospect to the surviving master", async () => {
    const { accountId, webinars, registrants } = await seeded([{ startsInMinutes: 5 * 24 * 60, registrants: 3 }]);
    const [viaOld, viaMaster] = registrants[0]!;
    const master = await createProspect(env.db, { accountId, email: viaMaster!.email, score: 100 });
    const middle = await createProspect(env.db, { accountId, email: "middle@example.com", mergedIntoId: master.id });
    await createProspect(env.db, { accountId, email: viaOld!.email, mergedIntoId: middle.id });

    const result = await env.sync(webinars[0]!.id);
    expect(result.status === "synced" && result.details).toMatchObject({
      prospectsMerged: 1,
      prospectsCreated: 1,
      registrationsCreated: 2,
    });
    expect(
      await env.db.prospect.count({ where: { accountId, email: { equals: viaOld!.email, mode: "insensitive" } } }),
    ).toBe(1);
    const registration = await env.db.webinarRegistration.findFirstOrThrow({ where: { prospectId: master.id } });
    // Both registrants lead to the master: the earlier registration is the one kept.
    expect(registration.registrantKey).toBe(viaOld!.registrantKey);
    expect(await env.db.activity.count({ where: { prospectId: master.id } })).toBe(2);
    expect((await env.db.prospect.findUniqueOrThrow({ where: { id: master.id } })).score).toBe(115);
  });

  it("marks registrants who vanished from GoTo cancelled, keeping their activities", async () => {
    const { accountId, webinars, registrants } = await seeded([{ startsInMinutes: 2 * 24 * 60, registrants: 3 }]);
    const webinar = webinars[0]!;
    await env.sync(webinar.id);
    const gone = registrants[0]![1]!;
    await env.sim.control.removeRegistrant(webinar.webinarKey, gone.registrantKey);
    await env.advance(10 * MINUTE);
    const result = await env.sync(webinar.id);
    expect(result).toMatchObject({ status: "synced", counts: { fetched: 2, created: 0, updated: 1 } });
    const prospect = await env.db.prospect.findFirstOrThrow({ where: { accountId, email: gone.email } });
    expect(await env.db.webinarRegistration.findFirstOrThrow({ where: { prospectId: prospect.id } })).toMatchObject({
      status: "CANCELLED",
      cancelledAt: env.now(),
    });
    const types = (await env.db.activity.findMany({ where: { prospectId: prospect.id } })).map((a) => a.type).sort();
    expect(types).toEqual(["ACCEPTED", "CANCELLED", "REGISTERED"]);
    expect((await env.sync(webinar.id)).status === "synced").toBe(true);
    expect(await env.db.activity.count({ where: { prospectId: prospect.id } })).toBe(3);
  });

  it("records ACCEPTED for a manual-approval webinar when the organizer approves", async () => {
    const { accountId, webinars, registrants } = await seeded([
      { startsInMinutes: 8 * 24 * 60, registrants: 1, approvalType: "MANUAL" },
    ]);
    const webinar = webinars[0]!;
    const registrant = registrants[0]![0]!;
    await env.sim.control.setRegistrantStatus(webinar.webinarKey, registrant.registrantKey, "WAITING");
    await env.sync(webinar.id);
    const prospect = await env.db.prospect.findFirstOrThrow({ where: { accountId } });
    expect((await env.db.activity.findMany({ where: { prospectId: prospect.id } })).map((a) => a.type)).toEqual([
      "REGISTERED",
    ]);
    expect(await env.db.webinarRegistration.findFirstOrThrow({ where: { prospectId: prospect.id } })).toMatchObject({
      status: "WAITING",
    });

    await env.advance(30 * MINUTE);
    await env.sim.control.setRegistrantStatus(webinar.webinarKey, registrant.registrantKey, "APPROVED");
    await env.sync(webinar.id);
    const accepted = await env.db.activity.findFirstOrThrow({ where: { prospectId: prospect.id, type: "ACCEPTED" } });
    expect(accepted.occurredAt).toEqual(env.now());
    expect(await env.db.webinarRegistration.findFirstOrThrow({ where: { prospectId: prospect.id } })).toMatchObject({
      status: "APPROVED",
    });
  });
});

describe("attendance", () => {
  it("syncs attendance only after the end, then again later, then final; absentees; ATTENDED scored once", async () => {
    const { accountId, webinars, registrants } = await seeded([
      { startsInMinutes: -10, durationMinutes: 60, registrants: 6, attendanceRatio: 0 },
    ]);
    const webinar = webinars[0]!;
    const people = registrants[0]!;
    const start = webinar.startsAt.getTime();
    // Two join twice (two intervals), one once; one registrant is removed before the end.
    await env.sim.control.join(webinar.webinarKey, people[0]!.registrantKey, {
      joinTime: new Date(start + MINUTE).toISOString(),
      leaveTime: new Date(start + 11 * MINUTE).toISOString(),
    });
    await env.sim.control.join(webinar.webinarKey, people[0]!.registrantKey, {
      joinTime: new Date(start + 20 * MINUTE).toISOString(),
      leaveTime: new Date(start + 30 * MINUTE).toISOString(),
    });
    await env.sim.control.join(webinar.webinarKey, people[1]!.registrantKey, {
      joinTime: new Date(start + 2 * MINUTE).toISOString(),
      leaveTime: new Date(start + 50 * MINUTE).toISOString(),
    });

    const live = await env.sync(webinar.id);
    expect(live).toMatchObject({ status: "synced", kind: "REGISTRANTS", phase: "live" });
    expect(await env.db.webinarRegistration.count({ where: { webinarId: webinar.id, attended: true } })).toBe(0);
    expect(await listAbsentees({ db: env.db, accountId, webinarId: webinar.id })).toMatchObject({
      attendanceKnown: false,
      items: [],
    });
    await env.sim.control.removeRegistrant(webinar.webinarKey, people[5]!.registrantKey);

    await env.advance(webinar.endsAt.getTime() + 15 * MINUTE - env.now().getTime());
    const first = await env.sync(webinar.id);
    expect(first).toMatchObject({ status: "synced", kind: "ATTENDANCE", phase: "ended", counts: { fetched: 5 + 2 } });
    const end = webinar.endsAt.getTime();
    expect(await env.db.webinar.findUniqueOrThrow({ where: { id: webinar.id } })).toMatchObject({
      status: "ENDED",
      attendanceSyncs: 1,
      nextPollAt: null,
      nextAttendanceSyncAt: new Date(end + 3 * HOUR),
    });

    const twice = await env.db.prospect.findFirstOrThrow({ where: { accountId, email: people[0]!.email } });
    const registration = await env.db.webinarRegistration.findFirstOrThrow({ where: { prospectId: twice.id } });
    expect(registration).toMatchObject({
      attended: true,
      attendanceSeconds: 20 * 60,
      joinedAt: new Date(start + MINUTE),
    });
    expect(registration.attendance).toEqual([
      {
        sessionKey: expect.any(String),
        joinTime: new Date(start + MINUTE).toISOString(),
        leaveTime: new Date(start + 11 * MINUTE).toISOString(),
      },
      {
        sessionKey: expect.any(String),
        joinTime: new Date(start + 20 * MINUTE).toISOString(),
        leaveTime: new Date(start + 30 * MINUTE).toISOString(),
      },
    ]);
    const attended = await env.db.activity.findFirstOrThrow({ where: { prospectId: twice.id, type: "ATTENDED" } });
    expect(attended).toMatchObject({
      occurredAt: new Date(start + MINUTE),
      points: 25,
      details: { attendanceSeconds: 1200 },
    });
    // Registered, accepted, attended (and, when the stand-in's poll got an answer, the poll).
    const earned = await env.db.activity.findMany({ where: { prospectId: twice.id } });
    expect(earned.map((a) => a.type)).toEqual(
      expect.arrayContaining(["REGISTERED", "ACCEPTED", "ATTENDED", "ATTENDED_LIVE"]),
    );
    expect(twice.score).toBe(earned.reduce((sum, a) => sum + a.points, 0));
    expect(twice.score).toBeGreaterThanOrEqual(10 + 5 + 25);
    expect(await env.db.activity.count({ where: { webinarId: webinar.id, type: "ABSENT" } })).toBe(0);

    const absentees = await listAbsentees({ db: env.db, accountId, webinarId: webinar.id });
    expect(absentees.attendanceKnown).toBe(true);
    expect(absentees.items.map((a) => a.email).sort()).toEqual(
      [people[2], people[3], people[4]].map((p) => p!.email).sort(),
    );
    expect(absentees.total).toBe(3);

    // Later syncs find nothing new: no row changes, no points.
    const before = await snapshot(accountId);
    await env.advance(3 * HOUR - 15 * MINUTE);
    const second = await env.sync(webinar.id);
    expect(second).toMatchObject({
      status: "synced",
      kind: "ATTENDANCE",
      phase: "ended",
      counts: { created: 0, updated: 0 },
    });
    expect(await snapshot(accountId)).toEqual(before);
    expect((await env.db.webinar.findUniqueOrThrow({ where: { id: webinar.id } })).nextAttendanceSyncAt).toEqual(
      new Date(end + 24 * HOUR),
    );

    await env.advance(21 * HOUR);
    const final = await env.sync(webinar.id);
    expect(final).toMatchObject({ status: "synced", phase: "final" });
    expect(await env.db.webinar.findUniqueOrThrow({ where: { id: webinar.id } })).toMatchObject({
      attendanceSyncs: 3,
      nextPollAt: null,
      nextAttendanceSyncAt: null,
      attendanceFinalAt: env.now(),
    });
    // After the final sync: ABSENT once for the approved registrants who did not attend, none
    // for the cancelled one (people[5]); nothing else changed.
    const absent = await env.db.activity.findMany({
      where: { webinarId: webinar.id, type: "ABSENT" },
      include: { prospect: true },
    });
    expect(absent.map((a) => a.prospect.email).sort()).toEqual(
      [people[2], people[3], people[4]].map((p) => p!.email).sort(),
    );
    const after = await snapshot(accountId);
    expect({ ...after, activities: after.activities.filter((a) => a.type !== "ABSENT") }).toEqual(before);
    await env.advance(HOUR);
    await env.sync(webinar.id);
    expect(await env.db.activity.count({ where: { webinarId: webinar.id, type: "ABSENT" } })).toBe(3);
  });
});
