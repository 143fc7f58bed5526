import { describe, expect, it } from "vitest";
import { GotoInputError, GotoNotFoundError } from "../../src/index";
import { DAY_MINUTES, range, useScenarioHarness } from "./harness";

const { h, scenario } = useScenarioHarness({
  webinars: [
    { subject: "Upcoming", startsInMinutes: 7 * DAY_MINUTES, registrants: 4 },
    { subject: "Live now", startsInMinutes: -10, durationMinutes: 60, registrants: 2 },
    { subject: "Sequence", type: "sequence", sessions: 3, startsInMinutes: 3 * DAY_MINUTES, registrants: 2 },
    ...Array.from({ length: 22 }, (_, i) => ({ subject: `Filler ${i}`, startsInMinutes: (i + 10) * DAY_MINUTES })),
  ],
});

const isKey = (value: unknown) => typeof value === "string" && /^\d+$/.test(value);

describe("identity", () => {
  it("getIdentity reads organizerKey and accountKey from /identity/v1/Users/me", async () => {
    const me = await h.client.getIdentity();
    expect(me).toMatchObject({
      organizerKey: scenario.organizerKey,
      accountKey: scenario.accountKey,
      email: "organizer@example.com",
      firstName: "Olivia",
      lastName: "Organizer",
      source: "identity",
    });
    expect(me.accounts[0]).toEqual({ accountKey: scenario.accountKey, name: expect.any(String) });
  });

  it("falls back to /admin/rest/v1/me when the identity endpoint refuses", async () => {
    await h.sim.control.addFault({ path: "/identity/v1/Users/me", type: "invalid-token", count: 2 });
    const me = await h.client.getIdentity();
    expect(me).toMatchObject({ organizerKey: scenario.organizerKey, accountKey: scenario.accountKey, source: "admin" });
  });
});

describe("webinars", () => {
  it("listWebinars returns one page with keys as strings and the page envelope", async () => {
    const { webinars, page } = await h.client.listWebinars({ ...range(60), page: 0, size: 5 });
    expect(webinars).toHaveLength(5);
    expect(page).toEqual({ size: 5, totalElements: 25, totalPages: 5, number: 0 });
    for (const w of webinars) {
      expect(isKey(w.webinarKey) && isKey(w.organizerKey)).toBe(true);
      expect(w.webinarId).toMatch(/^\d{9}$/);
      expect(w.times[0]).toEqual({ startTime: expect.any(String), endTime: expect.any(String) });
    }
  });

  it("listWebinars by account key with fetchAll follows every page", async () => {
    const { webinars, page } = await h.client.listWebinars({
      accountKey: scenario.accountKey,
      ...range(60),
      fetchAll: true,
    });
    expect(webinars).toHaveLength(25);
    expect(new Set(webinars.map((w) => w.webinarKey)).size).toBe(25);
    expect(page.totalElements).toBe(25);
  });

  it("refuses a page size above 200 before any request", async () => {
    await expect(h.client.listWebinars({ ...range(1), size: 201 })).rejects.toBeInstanceOf(GotoInputError);
  });

  it("getWebinar and getMeetingTimes describe one webinar", async () => {
    const series = scenario.webinars[2]!;
    const webinar = await h.client.getWebinar({ webinarKey: series.webinarKey });
    expect(webinar).toMatchObject({
      webinarKey: series.webinarKey,
      organizerKey: scenario.organizerKey,
      subject: "Sequence",
      numberOfRegistrants: 2,
      inSession: false,
    });
    expect(webinar.times).toHaveLength(3);
    const times = await h.client.getMeetingTimes({ webinarKey: series.webinarKey });
    expect(times).toEqual(series.times);
  });

  it("listInSessionWebinars lists the live webinar", async () => {
    const live = await h.client.listInSessionWebinars();
    expect(live.map((w) => w.webinarKey)).toEqual([scenario.webinars[1]!.webinarKey]);
  });

  it("createWebinar creates a single session with every seed input", async () => {
    const start = new Date(Date.now() + 30 * 86_400_000);
    const created = await h.client.createWebinar({
      subject: "Created single",
      description: "Learn how to create a webinar from scratch",
      times: [{ startTime: start, endTime: new Date(start.getTime() + 3_600_000) }],
      timeZone: "America/Chicago",
      locale: "en_US",
      experienceType: "CLASSIC",
      isBreakout: false,
      isOndemand: false,
      isPasswordProtected: false,
      emailSettings: {
        confirmationEmail: true,
        reminderEmail: false,
        absenteeFollowUpEmail: true,
        attendeeFollowUpEmail: true,
        attendeeFollowUpIncludeCertificate: true,
      },
    });
    expect(isKey(created.webinarKey)).toBe(true);
    expect(created.recurrenceKey).toBeUndefined();
    const webinar = await h.client.getWebinar({ webinarKey: created.webinarKey });
    expect(webinar).toMatchObject({ subject: "Created single", timeZone: "America/Chicago", type: "single_session" });
  });

  it("createWebinar creates a series (with recurrenceKey) and a sequence", async () => {
    const day = 86_400_000;
    const at = (d: number) => ({
      startTime: new Date(Date.now() + d * day),
      endTime: new Date(Date.now() + d * day + 3_600_000),
    });
    const series = await h.client.createWebinar({ subject: "Created series", type: "series", times: [at(40), at(41)] });
    expect(isKey(series.recurrenceKey)).toBe(true);
    const sequence = await h.client.createWebinar({
      subject: "Created sequence",
      type: "sequence",
      recurrenceStart: at(50),
      recurrencePattern: "weekly",
      recurrenceEnd: new Date(Date.now() + 80 * day).toISOString().slice(0, 10),
      experienceType: "BROADCAST",
    });
    const details = await h.client.getWebinar({ webinarKey: sequence.webinarKey });
    expect(details.type).toBe("sequence");
    expect(details.times.length).toBeGreaterThan(1);
  });

  it("createWebinar sends a simulive recording asset key", async () => {
    const start = new Date(Date.now() + 60 * 86_400_000);
    const created = await h.client.createWebinar({
      subject: "Simulive",
      times: [{ startTime: start, endTime: new Date(start.getTime() + 3_600_000) }],
      experienceType: "SIMULIVE",
      recordingAssetKey: "your-recording-asset-key",
    });
    const requests = await h.sim.control.requests();
    const sent = requests.filter((r) => r.method === "POST" && r.path.endsWith("/webinars")).at(-1);
    expect(sent?.body).toMatchObject({ experienceType: "SIMULIVE", recordingAssetKey: "your-recording-asset-key" });
    expect(isKey(created.webinarKey)).toBe(true);
  });

  it("updateWebinar changes subject and schedule (notifyParticipants)", async () => {
    const upcoming = scenario.webinars[0]!;
    const start = new Date(Date.now() + 8 * 86_400_000);
    await h.client.updateWebinar({
      webinarKey: upcoming.webinarKey,
      notifyParticipants: true,
      subject: "Upcoming (moved)",
      description: "moved by a day",
      times: [{ startTime: start, endTime: new Date(start.getTime() + 5_400_000) }],
      timeZone: "Europe/Paris",
      locale: "fr_FR",
      emailSettings: { reminderEmail: true },
    });
    const webinar = await h.client.getWebinar({ webinarKey: upcoming.webinarKey });
    expect(webinar).toMatchObject({ subject: "Upcoming (moved)", timeZone: "Europe/Paris" });
    expect(Date.parse(webinar.times[0]!.startTime)).toBe(Math.floor(start.getTime() / 1000) * 1000);
    const log = await h.sim.control.requests();
    expect(log.filter((r) => r.method === "PUT").at(-1)?.query).toMatchObject({ notifyParticipants: "true" });
  });

  it("updateWebinar refuses an empty update", async () => {
    await expect(h.client.updateWebinar({ webinarKey: scenario.webinars[0]!.webinarKey })).rejects.toBeInstanceOf(
      GotoInputError,
    );
  });

  it("cancelWebinar deletes it (deleteAll, sendCancellationEmails) and it is then not found", async () => {
    const series = scenario.webinars[2]!;
    await h.client.cancelWebinar({ webinarKey: series.webinarKey, deleteAll: true, sendCancellationEmails: true });
    await expect(h.client.getWebinar({ webinarKey: series.webinarKey })).rejects.toBeInstanceOf(GotoNotFoundError);
    const log = await h.sim.control.requests();
    expect(log.filter((r) => r.method === "DELETE").at(-1)?.query).toMatchObject({
      deleteAll: "true",
      sendCancellationEmails: "true",
    });
  });
});

describe("data sources", () => {
  it("selectWebinar lists the account's webinars as { label, key }", async () => {
    const entries = await h.client.selectWebinar({ accountKey: scenario.accountKey, ...range(90) });
    expect(entries.length).toBeGreaterThanOrEqual(20);
    for (const entry of entries)
      expect(entry).toEqual({ label: expect.any(String), key: expect.stringMatching(/^\d+$/) });
    expect(entries.find((e) => e.key === scenario.webinars[1]!.webinarKey)?.label).toMatch(/^Live now \(/);
  });

  it("selectOrganizer lists organizers with names, defaulting account and range", async () => {
    const entries = await h.client.selectOrganizer();
    expect(entries).toEqual([{ label: "Olivia Organizer <organizer@example.com>", key: scenario.organizerKey }]);
  });
});
