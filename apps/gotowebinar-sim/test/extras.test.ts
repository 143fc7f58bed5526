import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR, iso, startTestSim } from "./helpers";

const sim = await startTestSim({ accessTokenTtlSeconds: 365 * 24 * 3600 });
afterAll(() => sim.close());

let future = "";
let past = "";
let pastSession = "";
let attendeeKey = "";
beforeAll(async () => {
  const seeded = await sim.control.scenario({
    webinars: [{ startsInMinutes: 24 * 60 }, { startsInMinutes: -3 * 60, registrants: 10, attendanceRatio: 1 }],
  });
  future = seeded.webinars[0]!.webinarKey;
  past = seeded.webinars[1]!.webinarKey;
  pastSession = seeded.webinars[1]!.sessions[0]!.sessionKey;
  attendeeKey = seeded.webinars[1]!.registrantKeys[0]!;
  await sim.control.submitSurvey(past, { registrantKey: attendeeKey, sessionKey: pastSession, surveyName: "Exit" });
});

const w = (key: string) => `/organizers/${sim.organizerKey}/webinars/${key}`;

describe("the less central webinar endpoints", () => {
  it("audio, start URL and copy", async () => {
    expect((await sim.api(`${w(future)}/audio`)).json.type).toBe("Hybrid");
    expect((await sim.api(`${w(future)}/audio`, { method: "POST", body: { type: "VOIP" } })).status).toBe(204);
    expect((await sim.api(`${w(future)}/audio`)).json.type).toBe("VOIP");
    expect((await sim.api(`/webinars/${future}/startUrl`)).json.startUrl).toContain(future);
    const now = Date.now();
    const copy = await sim.api(`/webinars/${future}/copy`, {
      method: "PUT",
      body: { subject: "Copy", times: [{ startTime: iso(now + 48 * HOUR), endTime: iso(now + 49 * HOUR) }] },
    });
    expect(copy.status).toBe(201);
    expect(copy.text).toMatch(/^\{"webinarKey":"\d{19}"\}$/);
  });

  it("panelists and co-organizers", async () => {
    const created = await sim.api(`${w(future)}/panelists`, {
      method: "POST",
      body: [{ name: "Pan", email: "pan@example.com" }],
    });
    expect(created.status).toBe(201);
    const panelistKey = created.json[0].panelistKey;
    expect((await sim.api(`${w(future)}/panelists`)).text).toContain(`"panelistId":${panelistKey}`);
    expect((await sim.api(`${w(future)}/panelists/${panelistKey}/resendInvitation`, { method: "POST" })).status).toBe(
      204,
    );
    expect((await sim.api(`${w(future)}/panelists/${panelistKey}`, { method: "DELETE" })).status).toBe(204);
    const co = await sim.api(`${w(future)}/coorganizers`, {
      method: "POST",
      body: [{ external: true, givenName: "Co", email: "co@example.com" }],
    });
    expect(co.status).toBe(201);
    expect((await sim.api(`${w(future)}/coorganizers`)).json).toHaveLength(1);
    expect(
      (await sim.api(`${w(future)}/coorganizers/${co.json[0].memberKey}?external=true`, { method: "DELETE" })).status,
    ).toBe(204);
  });

  it("recording assets: one per ended session, in the documented shapes", async () => {
    expect((await sim.api(`/webinars/${future}/recordingAssets`)).json).toEqual({
      data: [],
      total: 0,
      page: 0,
      pageSize: 0,
    });
    const own = await sim.api(`/webinars/${past}/recordingAssets`);
    expect(own.json).toMatchObject({ total: 1, page: 0, pageSize: 1 });
    expect(own.json.data[0]).toMatchObject({ productName: "G2W", webinarKey: past });
    const search = await sim.api("/recordingassets/search?includes=webinarKey", {
      method: "POST",
      body: { accountKey: sim.accountKey },
    });
    expect(search.json.page.totalElements).toBe(1);
    expect(search.json._embedded.recordingAssets[0]).toMatchObject({
      recordingAssetKey: own.json.data[0].recordingAssetKey,
      webinarKey: past,
    });
    const none = await sim.api("/recordingassets/search", {
      method: "POST",
      body: { accountKey: sim.accountKey, name: "no such recording" },
    });
    expect(none.json).toEqual({
      _embedded: { recordingAssets: [] },
      page: { size: 20, totalElements: 0, totalPages: 0, number: 0 },
    });
  });

  it("session polls, surveys, questions and performance", async () => {
    const s = `${w(past)}/sessions/${pastSession}`;
    const polls = await sim.api(`${s}/polls`);
    const keys = (await sim.api(`${s}/attendees`)).json.map((a: { registrantKey: string }) => String(a.registrantKey));
    const answered = await Promise.all(
      keys.map(async (k: string) => (await sim.api(`${s}/attendees/${k}/polls`)).json),
    );
    expect(polls.json[0]).toMatchObject({
      numberOfResponses: answered.filter((a: unknown[]) => a.length === 1).length,
    });
    const surveys = await sim.api(`${s}/surveys`);
    expect(surveys.json).toEqual([
      {
        question: "How would you rate this webinar?",
        numberOfResponses: 1,
        responses: [{ text: "5", percentage: 100 }],
      },
    ]);
    await sim.control.askQuestion(past, {
      registrantKey: attendeeKey,
      sessionKey: pastSession,
      question: "Is there a recording?",
      askedAt: iso(Date.now() - 150 * 60_000),
      answer: "Yes, tomorrow.",
    });
    const questions = (await sim.api(`${s}/questions`)).json;
    const mine = questions.filter((q: { askerKey: string }) => q.askerKey === attendeeKey);
    expect(mine).toContainEqual(
      expect.objectContaining({
        question: "Is there a recording?",
        answers: [expect.objectContaining({ answer: "Yes, tomorrow." })],
      }),
    );
    expect((await sim.api(`${s}/attendees/${attendeeKey}/questions`)).json).toEqual(mine);
    expect((await sim.api(`${s}/attendees/${attendeeKey}/surveys`)).json).toEqual([
      { question: "How would you rate this webinar?", answers: ["5"], answer: "5" },
    ]);
    const perf = await sim.api(`${w(past)}/performance`);
    expect(perf.json[pastSession].attendance.percentageAttendance).toBe(100);
    expect(perf.json[pastSession].pollsAndSurveys.questionsAsked).toBe(questions.length);
    expect((await sim.api(s)).json).toHaveLength(10);
  });
});
