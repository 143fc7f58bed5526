import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DAY, HOUR, iso, startTestSim } from "./helpers";

const sim = await startTestSim({
  now: new Date("2030-01-15T12:00:00Z"),
  frozenClock: true,
  accessTokenTtlSeconds: 365 * 24 * 3600,
});
afterAll(() => sim.close());
beforeEach(async () => {
  await sim.control.reset(1);
  await sim.newToken();
});

const NOW = Date.parse("2030-01-15T12:00:00Z");
const range = `fromTime=${iso(NOW - 365 * DAY)}&toTime=${iso(NOW + 365 * DAY)}`;

async function create(body: Record<string, unknown>) {
  return sim.api(`/organizers/${sim.organizerKey}/webinars`, { method: "POST", body });
}

function times(startInHours: number, hours = 1) {
  return { startTime: iso(NOW + startInHours * HOUR), endTime: iso(NOW + (startInHours + hours) * HOUR) };
}

describe("webinar list", () => {
  it("needs fromTime and toTime", async () => {
    const res = await sim.api(`/organizers/${sim.organizerKey}/webinars?fromTime=${iso(NOW)}`);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ errorCode: "InvalidRequest", description: "toTime is required" });
  });

  it("returns the _embedded + page envelope, pages 0-based, with an empty _embedded list when empty", async () => {
    await sim.control.scenario({ webinars: [1, 2, 3, 4, 5].map((i) => ({ startsInMinutes: i * 60 })) });
    const page1 = await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}&page=1&size=2`);
    expect(page1.status).toBe(200);
    expect(page1.json.page).toEqual({ size: 2, totalElements: 5, totalPages: 3, number: 1 });
    expect(page1.json._embedded.webinars.map((w: { subject: string }) => w.subject)).toEqual([
      "Webinar 3",
      "Webinar 4",
    ]);
    const w = page1.json._embedded.webinars[0];
    expect(typeof w.webinarKey).toBe("string");
    expect(w).toMatchObject({
      status: "NEW",
      approvalType: "AUTOMATIC",
      recurrenceType: "single_session",
      experienceType: "classic",
    });
    expect(w.webinarId).toMatch(/^\d{9}$/);
    expect(page1.text).toContain(`"webinarKey":"${w.webinarKey}"`);
    const empty = await sim.api(
      `/organizers/${sim.organizerKey}/webinars?fromTime=2000-01-01T00:00:00Z&toTime=2000-02-01T00:00:00Z`,
    );
    expect(empty.json).toEqual({
      _embedded: { webinars: [] },
      page: { size: 20, totalElements: 0, totalPages: 0, number: 0 },
    });
    await sim.control.updateSettings({ omitEmptyEmbedded: true });
    const bare = await sim.api(
      `/organizers/${sim.organizerKey}/webinars?fromTime=2000-01-01T00:00:00Z&toTime=2000-02-01T00:00:00Z`,
    );
    await sim.control.updateSettings({ omitEmptyEmbedded: false });
    expect(bare.json).toEqual({ page: { size: 20, totalElements: 0, totalPages: 0, number: 0 } });
  });

  it("refuses a page size over 200", async () => {
    const res = await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}&size=201`);
    expect(res.status).toBe(400);
  });

  it("lists by account too", async () => {
    await sim.control.scenario({ webinars: [{ startsInMinutes: 60 }] });
    const res = await sim.api(`/accounts/${sim.accountKey}/webinars?${range}`);
    expect(res.json.page.totalElements).toBe(1);
  });
});

describe("webinar create, get, update, delete", () => {
  it("creates a single session: 201 with string webinarKey; get-one has it as a bare number", async () => {
    const created = await create({
      subject: "Launch",
      description: "Hello",
      times: [times(24)],
      timeZone: "America/Chicago",
    });
    expect(created.status).toBe(201);
    expect(created.text).toMatch(/^\{"webinarKey":"\d{19}"\}$/);
    const key = created.json.webinarKey;
    const got = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}`);
    expect(got.text).toContain(`"webinarKey":${key},`);
    expect(got.text).toContain(`"organizerKey":${sim.organizerKey},`);
    expect(got.json).toMatchObject({
      subject: "Launch",
      description: "Hello",
      type: "single_session",
      timeZone: "America/Chicago",
      inSession: false,
      numberOfRegistrants: 0,
      organizerEmail: "organizer@example.com",
      accountKey: sim.accountKey,
      times: [times(24)],
    });
  });

  it("refuses a start in the past and malformed bodies with 400", async () => {
    expect((await create({ subject: "Old", times: [times(-2)] })).status).toBe(400);
    expect((await create({ times: [times(2)] })).json.description).toBe("subject is required");
    expect((await create({ subject: "Two", times: [times(2), times(26)] })).status).toBe(400);
    expect((await create({ subject: "Bad tz", times: [times(2)], timeZone: "Mars/Base" })).status).toBe(400);
  });

  it("creates series (recurrenceKey) and sequences (generated times)", async () => {
    const series = await create({ subject: "S", type: "series", times: [times(24), times(48)] });
    expect(series.status).toBe(201);
    expect(series.json.recurrenceKey).toMatch(/^\d{19}$/);
    // GoTo's model: each session of a series is a webinar of its own, grouped by recurrenceKey.
    const listed = await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}&size=200`);
    const sessions = listed.json._embedded.webinars.filter(
      (w: { recurrenceKey?: string }) => w.recurrenceKey === series.json.recurrenceKey,
    );
    expect(sessions.map((w: { times: unknown[] }) => w.times)).toEqual([[times(24)], [times(48)]]);
    expect(sessions[0].webinarKey).toBe(series.json.webinarKey);
    expect(new Set(sessions.map((w: { webinarKey: string }) => w.webinarKey)).size).toBe(2);
    const sequence = await create({
      subject: "Q",
      type: "sequence",
      recurrenceStart: times(24),
      recurrencePattern: "weekly",
      recurrenceEnd: "2030-02-10",
    });
    expect(sequence.status).toBe(201);
    const meeting = await sim.api(`/organizers/${sim.organizerKey}/webinars/${sequence.json.webinarKey}/meetingtimes`);
    expect(meeting.json).toHaveLength(4);
  });

  it("updates with 202 (notifying participants when asked) and refuses once the webinar has ended", async () => {
    const key = (await create({ subject: "Before", times: [times(24)] })).json.webinarKey;
    await sim.control.register(key, { firstName: "A", lastName: "B", email: "a@example.com" });
    const res = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}?notifyParticipants=true`, {
      method: "PUT",
      body: { subject: "After", times: [times(30)] },
    });
    expect(res.status).toBe(202);
    expect(res.text).toBe("");
    const got = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}`);
    expect(got.json.subject).toBe("After");
    expect(got.json.times).toEqual([times(30)]);
    expect((await sim.control.emails()).some((e) => e.kind === "webinar-updated" && e.to === "a@example.com")).toBe(
      true,
    );
    expect((await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}`, { method: "PUT", body: {} })).status).toBe(
      400,
    );
    await sim.control.advanceClock(40 * HOUR);
    const ended = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}`, {
      method: "PUT",
      body: { subject: "X" },
    });
    expect(ended.status).toBe(400);
  });

  it("deletes with 204, then answers 404; refuses with 409 while in session", async () => {
    const key = (await create({ subject: "Gone", times: [times(2)] })).json.webinarKey;
    await sim.control.advanceClock(2.5 * HOUR);
    const busy = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}`, { method: "DELETE" });
    expect(busy.status).toBe(409);
    expect(busy.json.errorCode).toBe("WebinarInSession");
    const live = await sim.api(`/organizers/${sim.organizerKey}/insessionWebinars`);
    expect(live.json).toHaveLength(1);
    expect(live.text).toContain(`"webinarKey":${key}`);
    await sim.control.advanceClock(HOUR);
    const del = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}?sendCancellationEmails=true`, {
      method: "DELETE",
    });
    expect(del.status).toBe(204);
    expect((await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}`)).status).toBe(404);
  });

  it("deleteAll=false cancels only this session of a series; deleteAll cancels the whole series", async () => {
    const created = (await create({ subject: "S", type: "series", times: [times(24), times(48), times(72)] })).json;
    const seriesKeys = async () => {
      const listed = await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}&size=200`);
      return listed.json._embedded.webinars
        .filter((w: { recurrenceKey?: string }) => w.recurrenceKey === created.recurrenceKey)
        .map((w: { webinarKey: string }) => w.webinarKey);
    };
    const [first, second, third] = await seriesKeys();
    const res = await sim.api(`/organizers/${sim.organizerKey}/webinars/${first}?deleteAll=false`, {
      method: "DELETE",
    });
    expect(res.status).toBe(204);
    expect(await seriesKeys()).toEqual([second, third]);
    await sim.api(`/organizers/${sim.organizerKey}/webinars/${second}`, { method: "DELETE" });
    expect(await seriesKeys()).toEqual([]);
  });

  it("deleteAll=false drops only the next time of a sequence", async () => {
    const key = (
      await create({
        subject: "Q",
        type: "sequence",
        recurrenceStart: times(24),
        recurrencePattern: "daily",
        recurrenceEnd: "2030-01-18",
      })
    ).json.webinarKey;
    const before = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}/meetingtimes`);
    const res = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}?deleteAll=false`, { method: "DELETE" });
    expect(res.status).toBe(204);
    const meeting = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}/meetingtimes`);
    expect(meeting.json).toEqual(before.json.slice(1));
  });
});
