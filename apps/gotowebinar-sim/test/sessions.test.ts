import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { HOUR, iso, startTestSim } from "./helpers";

const NOW = Date.parse("2030-03-01T10:00:00Z");
const sim = await startTestSim({ now: new Date(NOW), frozenClock: true, accessTokenTtlSeconds: 365 * 24 * 3600 });
afterAll(() => sim.close());
beforeEach(async () => {
  await sim.control.reset(5);
  await sim.newToken();
});

const base = (webinarKey: string) => `/organizers/${sim.organizerKey}/webinars/${webinarKey}`;

describe("sessions and attendees", () => {
  it("exist only once the session has ended by the sim clock", async () => {
    const seeded = await sim.control.scenario({
      webinars: [{ startsInMinutes: 60, durationMinutes: 60, registrants: 20, attendanceRatio: 0.5 }],
    });
    const w = seeded.webinars[0]!;
    const sessionKey = w.sessions[0]!.sessionKey;
    expect((await sim.api(`${base(w.webinarKey)}/sessions`)).json).toEqual({
      _embedded: { sessionInfoResources: [] },
      page: { size: 20, totalElements: 0, totalPages: 0, number: 0 },
    });
    expect((await sim.api(`${base(w.webinarKey)}/sessions/${sessionKey}/attendees`)).status).toBe(404);

    await sim.control.advanceClock(1.5 * HOUR);
    expect((await sim.api(`${base(w.webinarKey)}/sessions`)).json.page.totalElements).toBe(0);

    await sim.control.advanceClock(HOUR);
    const sessions = await sim.api(`${base(w.webinarKey)}/sessions`);
    const [info] = sessions.json._embedded.sessionInfoResources;
    expect(info).toMatchObject({
      sessionKey,
      webinarKey: w.webinarKey,
      startTime: iso(NOW + HOUR),
      endTime: iso(NOW + 2 * HOUR),
      registrantCount: 20,
    });
    expect(info.registrantsAttended).toBeGreaterThan(0);
    expect(sessions.text).toContain(`"sessionKey":"${sessionKey}"`);

    const attendees = await sim.api(`${base(w.webinarKey)}/sessions/${sessionKey}/attendees`);
    expect(Array.isArray(attendees.json)).toBe(true);
    expect(attendees.json).toHaveLength(info.registrantsAttended);
    expect(attendees.text).toMatch(/"registrantKey":\d{19},/);
    expect(attendees.text).toContain(`"sessionKey":${sessionKey},`);
    for (const a of attendees.json) {
      let sum = 0;
      for (const i of a.attendance) {
        const join = Date.parse(i.joinTime);
        const leave = Date.parse(i.leaveTime);
        expect(join).toBeGreaterThanOrEqual(NOW + HOUR);
        expect(leave).toBeLessThanOrEqual(NOW + 2 * HOUR);
        expect(leave).toBeGreaterThan(join);
        sum += (leave - join) / 1000;
      }
      expect(a.attendanceTimeInSeconds).toBe(sum);
    }
  });

  it("has a deterministic attendance ratio, with some attendees leaving and coming back", async () => {
    const seeded = await sim.control.scenario({
      webinars: [{ startsInMinutes: -180, registrants: 400, attendanceRatio: 0.5 }],
    });
    const w = seeded.webinars[0]!;
    const attendees = (await sim.api(`${base(w.webinarKey)}/sessions/${w.sessions[0]!.sessionKey}/attendees`)).json;
    expect(attendees.length).toBeGreaterThan(160);
    expect(attendees.length).toBeLessThan(240);
    expect(attendees.some((a: { attendance: unknown[] }) => a.attendance.length === 2)).toBe(true);
    const again = (await sim.api(`${base(w.webinarKey)}/sessions/${w.sessions[0]!.sessionKey}/attendees`)).json;
    expect(again).toEqual(attendees);
  });

  it("turns recorded joins into attendance intervals", async () => {
    const seeded = await sim.control.scenario({
      webinars: [{ startsInMinutes: 10, durationMinutes: 60, registrants: 3, attendanceRatio: 0 }],
    });
    const w = seeded.webinars[0]!;
    const [rk] = w.registrantKeys;
    await sim.control.join(w.webinarKey, rk!, { joinTime: iso(NOW + 15 * 60_000), leaveTime: iso(NOW + 30 * 60_000) });
    await sim.control.join(w.webinarKey, rk!, { joinTime: iso(NOW + 40 * 60_000) });
    await sim.control.advanceClock(2 * HOUR);
    const sessionKey = w.sessions[0]!.sessionKey;
    const attendees = (await sim.api(`${base(w.webinarKey)}/sessions/${sessionKey}/attendees`)).json;
    expect(attendees).toHaveLength(1);
    expect(attendees[0].attendance).toEqual([
      { joinTime: iso(NOW + 15 * 60_000), leaveTime: iso(NOW + 30 * 60_000) },
      { joinTime: iso(NOW + 40 * 60_000), leaveTime: iso(NOW + 70 * 60_000) },
    ]);
    expect(attendees[0].attendanceTimeInSeconds).toBe(45 * 60);

    const one = await sim.api(`${base(w.webinarKey)}/sessions/${sessionKey}/attendees/${rk}`);
    expect(one.text).toContain(`"registrantKey":${rk},`);
    expect(one.json).toMatchObject({ status: "APPROVED", email: "person1.1@example.com" });
    expect(
      (await sim.api(`${base(w.webinarKey)}/sessions/${sessionKey}/attendees/${w.registrantKeys[1]}`)).status,
    ).toBe(404);

    const all = await sim.api(`${base(w.webinarKey)}/attendees`);
    expect(all.json.page.totalElements).toBe(1);
    expect(all.json._embedded.attendeeParticipationResponses[0]).toMatchObject({ attendanceTimeInSeconds: 2700 });
    const perf = await sim.api(`${base(w.webinarKey)}/sessions/${sessionKey}/performance`);
    expect(perf.json.attendance).toMatchObject({ registrantCount: 3, averageAttendanceTimeSeconds: 2700 });
  });

  it("lists an organizer's completed sessions in a required time range", async () => {
    await sim.control.scenario({
      webinars: [
        { startsInMinutes: -5 * 24 * 60, registrants: 2 },
        { startsInMinutes: -24 * 60, type: "series", sessions: 3, sessionIntervalMinutes: 600, registrants: 6 },
        { startsInMinutes: 600, registrants: 2 },
      ],
    });
    const path = `/organizers/${sim.organizerKey}/sessions`;
    expect((await sim.api(path)).status).toBe(400);
    const res = await sim.api(
      `${path}?fromTime=${iso(NOW - 30 * 24 * HOUR)}&toTime=${iso(NOW + 30 * 24 * HOUR)}&size=200`,
    );
    expect(res.json.page.totalElements).toBe(4);
    const recent = await sim.api(`${path}?fromTime=${iso(NOW - 20 * HOUR)}&toTime=${iso(NOW)}`);
    expect(recent.json.page.totalElements).toBe(2);
  });
});
