import { describe, expect, it } from "vitest";
import { GotoNotFoundError } from "../../src/index";
import { DAY_MINUTES, range, useScenarioHarness } from "./harness";

const { h, scenario } = useScenarioHarness({
  webinars: [
    {
      subject: "Past sequence",
      type: "sequence",
      sessions: 2,
      sessionIntervalMinutes: 120,
      startsInMinutes: -DAY_MINUTES,
      durationMinutes: 60,
      registrants: 10,
      attendanceRatio: 1,
    },
    { subject: "Future", startsInMinutes: 2 * DAY_MINUTES, registrants: 3 },
  ],
});

const past = () => scenario.webinars[0]!;

describe("sessions and attendees", () => {
  it("listSessions lists a webinar's ended sessions with string keys", async () => {
    const { sessions, page } = await h.client.listSessions({ webinarKey: past().webinarKey, fetchAll: true });
    expect(sessions.map((s) => s.sessionKey).sort()).toEqual(
      past()
        .sessions.map((s) => s.sessionKey)
        .sort(),
    );
    expect(page.totalElements).toBe(2);
    expect(sessions[0]).toMatchObject({
      webinarKey: past().webinarKey,
      startTime: expect.any(String),
      endTime: expect.any(String),
      registrantsAttended: expect.any(Number),
    });
  });

  it("listOrganizerSessions lists the organizer's ended sessions in a range", async () => {
    const { sessions } = await h.client.listOrganizerSessions({ ...range(7), page: 0, size: 10 });
    expect(sessions).toHaveLength(2);
    expect(new Set(sessions.map((s) => s.webinarKey))).toEqual(new Set([past().webinarKey]));
  });

  it("listSessionAttendees, getAttendee and listAttendees report attendance", async () => {
    const sessionKey = past().sessions[0]!.sessionKey;
    const attendees = await h.client.listSessionAttendees({ webinarKey: past().webinarKey, sessionKey });
    expect(attendees.length).toBeGreaterThan(0);
    const [first] = attendees;
    expect(first).toMatchObject({
      registrantKey: expect.stringMatching(/^\d+$/),
      sessionKey,
      email: expect.stringContaining("@"),
      attendanceTimeInSeconds: expect.any(Number),
    });
    expect(first!.attendance[0]).toEqual({ joinTime: expect.any(String), leaveTime: expect.any(String) });
    expect(past().registrantKeys).toContain(first!.registrantKey);

    const attendee = await h.client.getAttendee({
      webinarKey: past().webinarKey,
      sessionKey,
      registrantKey: first!.registrantKey,
    });
    expect(attendee).toMatchObject({
      registrantKey: first!.registrantKey,
      email: first!.email,
      joinUrl: expect.any(String),
    });

    const all = await h.client.listAttendees({ webinarKey: past().webinarKey, fetchAll: true });
    expect(all.attendees.length).toBeGreaterThanOrEqual(attendees.length);
    expect(new Set(all.attendees.map((a) => a.sessionKey)).size).toBe(2);
    const onePage = await h.client.listAttendees({ webinarKey: past().webinarKey, page: 0, size: 3 });
    expect(onePage.attendees).toHaveLength(3);
    expect(onePage.page).toMatchObject({ size: 3, number: 0, totalElements: all.attendees.length });
  });

  it("a future webinar has no sessions, and an unknown session is not found", async () => {
    const future = scenario.webinars[1]!;
    expect((await h.client.listSessions({ webinarKey: future.webinarKey })).sessions).toEqual([]);
    await expect(
      h.client.listSessionAttendees({ webinarKey: future.webinarKey, sessionKey: future.sessions[0]!.sessionKey }),
    ).rejects.toBeInstanceOf(GotoNotFoundError);
  });
});
