import { describe, expect, it } from "vitest";
import { type PollingSettings, planWebinarSync, pollIntervalMinutes } from "../src/sync/polling-policy";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const settings: PollingSettings = {
  pollMinutes: { threeWeeksOrMore: 120, twoToThreeWeeks: 60, oneToTwoWeeks: 30, underOneWeek: 10 },
  attendanceDelaysMinutes: [15, 180, 1440],
};
const now = new Date("2026-03-02T12:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const webinarIn = (ms: number, lengthMs = HOUR) => ({ startsAt: at(ms), endsAt: at(ms + lengthMs) });

describe("polling policy: registrant polls by distance to the start", () => {
  it.each([
    ["60 days away", 60 * DAY, 120],
    ["exactly 3 weeks away", 21 * DAY, 120],
    ["just under 3 weeks away", 21 * DAY - MINUTE, 60],
    ["exactly 2 weeks away", 14 * DAY, 60],
    ["just under 2 weeks away", 14 * DAY - MINUTE, 30],
    ["exactly 1 week away", 7 * DAY, 30],
    ["just under 1 week away", 7 * DAY - MINUTE, 10],
    ["in an hour", HOUR, 10],
  ])("polls a webinar %s every %s… minutes", (_label, distance, minutes) => {
    const plan = planWebinarSync({ schedule: webinarIn(distance), now, settings });
    expect(plan.phase).toBe("upcoming");
    expect(plan.pollIntervalMinutes).toBe(minutes);
    expect(plan.nextPollAt).toEqual(at(minutes * MINUTE));
  });

  it("polls a live webinar every 10 minutes and plans the first attendance sync 15 minutes after its end", () => {
    const plan = planWebinarSync({ schedule: webinarIn(-30 * MINUTE, 2 * HOUR), now, settings });
    expect(plan.phase).toBe("live");
    expect(plan.nextPollAt).toEqual(at(10 * MINUTE));
    expect(plan.nextAttendanceSyncAt).toEqual(at(90 * MINUTE + 15 * MINUTE));
  });

  it("leaves the last minutes to the attendance sync instead of polling registrants past the end", () => {
    const plan = planWebinarSync({ schedule: webinarIn(-55 * MINUTE, HOUR), now, settings });
    expect(plan.phase).toBe("live");
    expect(plan.nextPollAt).toBeNull();
    expect(plan.nextAttendanceSyncAt).toEqual(at(5 * MINUTE + 15 * MINUTE));
  });

  it("measures a sequence to its next session that has not ended", () => {
    const sessions = [
      { startsAt: at(-10 * DAY), endsAt: at(-10 * DAY + HOUR) },
      { startsAt: at(16 * DAY), endsAt: at(16 * DAY + HOUR) },
      { startsAt: at(40 * DAY), endsAt: at(40 * DAY + HOUR) },
    ];
    const plan = planWebinarSync({
      schedule: { startsAt: at(-10 * DAY), endsAt: at(40 * DAY + HOUR), sessions },
      now,
      settings,
    });
    expect(plan.pollIntervalMinutes).toBe(60);
    expect(plan.nextAttendanceSyncAt).toEqual(at(40 * DAY + HOUR + 15 * MINUTE));
  });

  it("reads the intervals from the settings", () => {
    const custom = {
      ...settings,
      pollMinutes: { threeWeeksOrMore: 240, twoToThreeWeeks: 90, oneToTwoWeeks: 45, underOneWeek: 5 },
    };
    expect(pollIntervalMinutes(30 * DAY, custom)).toBe(240);
    expect(pollIntervalMinutes(15 * DAY, custom)).toBe(90);
    expect(pollIntervalMinutes(8 * DAY, custom)).toBe(45);
    expect(pollIntervalMinutes(0, custom)).toBe(5);
  });
});

describe("polling policy: attendance after the end", () => {
  const endedAgo = (ms: number) => webinarIn(-ms - HOUR, HOUR);

  it("syncs attendance soon after the end, then later, then a final time, then never", () => {
    const schedule = endedAgo(5 * MINUTE);
    const end = schedule.endsAt.getTime();
    const first = planWebinarSync({ schedule, now, settings });
    expect(first).toMatchObject({
      phase: "ended",
      nextPollAt: null,
      nextAttendanceSyncAt: new Date(end + 15 * MINUTE),
    });

    const afterFirst = new Date(end + 15 * MINUTE + 2_000);
    const second = planWebinarSync({ schedule, now: afterFirst, settings, lastAttendanceSyncAt: afterFirst });
    expect(second.nextAttendanceSyncAt).toEqual(new Date(end + 3 * HOUR));

    const afterSecond = new Date(end + 3 * HOUR + 2_000);
    const third = planWebinarSync({ schedule, now: afterSecond, settings, lastAttendanceSyncAt: afterSecond });
    expect(third.nextAttendanceSyncAt).toEqual(new Date(end + DAY));

    const afterThird = new Date(end + DAY + 2_000);
    expect(planWebinarSync({ schedule, now: afterThird, settings, lastAttendanceSyncAt: afterThird })).toEqual({
      phase: "final",
      nextPollAt: null,
      nextAttendanceSyncAt: null,
      pollIntervalMinutes: null,
    });
  });

  it("makes a webinar that ended long ago and was never synced due at once, and final after that one sync", () => {
    const schedule = endedAgo(30 * DAY);
    const plan = planWebinarSync({ schedule, now, settings });
    expect(plan.phase).toBe("ended");
    expect(plan.nextAttendanceSyncAt!.getTime()).toBeLessThan(now.getTime());
    expect(planWebinarSync({ schedule, now, settings, lastAttendanceSyncAt: now }).phase).toBe("final");
  });

  it("skips delays a late sync has already passed", () => {
    const schedule = endedAgo(5 * HOUR);
    const plan = planWebinarSync({ schedule, now, settings, lastAttendanceSyncAt: now });
    expect(plan.nextAttendanceSyncAt).toEqual(new Date(schedule.endsAt.getTime() + DAY));
  });
});
