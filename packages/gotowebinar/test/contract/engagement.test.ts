import { beforeAll, describe, expect, it } from "vitest";
import { GotoInputError, GotoNotFoundError } from "../../src/index";
import { DAY_MINUTES, range, useScenarioHarness } from "./harness";

const { h, scenario } = useScenarioHarness({
  webinars: [
    { subject: "Past", startsInMinutes: -3 * 60, durationMinutes: 60, registrants: 12, attendanceRatio: 1 },
    { subject: "Future", startsInMinutes: 2 * DAY_MINUTES, registrants: 2 },
    { subject: "Series", type: "series", sessions: 3, startsInMinutes: 3 * DAY_MINUTES, registrants: 6 },
  ],
});

const past = () => scenario.webinars[0]!;
const future = () => scenario.webinars[1]!;
const session = () => ({ webinarKey: past().webinarKey, sessionKey: past().sessions[0]!.sessionKey });
let asker = "";

beforeAll(async () => {
  asker = past().registrantKeys[0]!;
  await h.sim.control.askQuestion(past().webinarKey, {
    registrantKey: asker,
    sessionKey: session().sessionKey,
    question: "Will there be a recording?",
    askedAt: new Date(Date.now() - 150 * 60_000).toISOString(),
    answer: "Yes.",
  });
  await h.sim.control.submitSurvey(past().webinarKey, {
    registrantKey: asker,
    sessionKey: session().sessionKey,
    responses: [{ question: "How useful was it?", questionType: "RATING", answers: ["4"] }],
  });
});

describe("series", () => {
  it("lists a series as one webinar per session sharing a recurrenceKey", async () => {
    const { webinars } = await h.client.listWebinars({ ...range(30), fetchAll: true });
    const series = scenario.webinars[2]!;
    const sessions = webinars.filter((w) => w.recurrenceKey === series.recurrenceKey);
    expect(sessions.map((w) => w.webinarKey)).toEqual(series.webinarKeys);
    expect(sessions.every((w) => w.times.length === 1 && w.recurrenceType === "series")).toBe(true);
  });
});

describe("session engagement", () => {
  it("getSession answers with the ended session's attendees", async () => {
    const details = await h.client.getSession(session());
    expect(details.attendees).toHaveLength(12);
    expect(details.attendees[0]).toMatchObject({ sessionKey: session().sessionKey, email: expect.any(String) });
  });

  it("getSessionPerformance reads attendance, polls, surveys and questions", async () => {
    const perf = await h.client.getSessionPerformance(session());
    expect(perf.sessionInfo).toMatchObject({ sessionKey: session().sessionKey, webinarName: "Past" });
    expect(typeof perf.sessionInfo?.registrationEmailOpenedCount).toBe("number");
    expect(perf.attendance).toMatchObject({ registrantCount: 12, percentageAttendance: 100 });
    expect(perf.attendance.averageAttendanceTimeSeconds).toBeGreaterThan(0);
    expect(perf.pollsAndSurveys.pollCount).toBe(1);
    expect(perf.pollsAndSurveys.surveyCount).toBe(1);
    expect(perf.pollsAndSurveys.questionsAsked).toBeGreaterThanOrEqual(1);
  });

  it("getWebinarPerformance gives every ended session's performance in one request, keyed by sessionKey", async () => {
    const before = h.client.stats.requests;
    const perf = await h.client.getWebinarPerformance({ webinarKey: past().webinarKey });
    expect(h.client.stats.requests - before).toBe(1);
    expect([...perf.keys()]).toEqual([session().sessionKey]);
    expect(perf.get(session().sessionKey)).toEqual(await h.client.getSessionPerformance(session()));
    expect((await h.client.getWebinarPerformance({ webinarKey: future().webinarKey })).size).toBe(0);
  });

  it("listSessionPolls, listSessionSurveys and listSessionQuestions", async () => {
    const polls = await h.client.listSessionPolls(session());
    expect(polls).toHaveLength(1);
    expect(polls[0]!.responses.map((r) => r.text)).toEqual(["Yes", "No"]);
    const surveys = await h.client.listSessionSurveys(session());
    expect(surveys).toEqual([
      { question: "How useful was it?", numberOfResponses: 1, responses: [{ text: "4", percentage: 100 }] },
    ]);
    const questions = await h.client.listSessionQuestions(session());
    const mine = questions.find((q) => q.question === "Will there be a recording?");
    expect(mine).toMatchObject({
      askerKey: asker,
      askedBy: expect.stringContaining("@"),
      dateAsked: expect.any(String),
    });
    expect(mine?.answers[0]).toMatchObject({ answer: "Yes.", answererEmail: "organizer@example.com" });
  });

  it("one attendee's poll answers, survey answers and questions", async () => {
    const ref = { ...session(), registrantKey: asker };
    expect(await h.client.listAttendeeSurveyAnswers(ref)).toEqual([{ question: "How useful was it?", answers: ["4"] }]);
    const questions = await h.client.listAttendeeQuestions(ref);
    expect(questions.map((q) => q.question)).toContain("Will there be a recording?");
    expect(questions.every((q) => q.askerKey === asker)).toBe(true);
    const polls = await Promise.all(
      past().registrantKeys.map((registrantKey) => h.client.listAttendeePollAnswers({ ...session(), registrantKey })),
    );
    const answered = polls.filter((p) => p.length > 0);
    expect(answered.length).toBe((await h.client.listSessionPolls(session()))[0]!.numberOfResponses);
    expect(answered[0]![0]).toEqual({
      question: "Is this topic relevant to your work?",
      answers: [expect.stringMatching(/^(Yes|No)$/)],
    });
  });

  it("a session that has not ended is not found", async () => {
    const { sessionKey } = future().sessions[0]!;
    await expect(
      h.client.getSessionPerformance({ webinarKey: future().webinarKey, sessionKey }),
    ).rejects.toBeInstanceOf(GotoNotFoundError);
  });
});

describe("panelists and co-organizers", () => {
  it("creates, lists, re-invites and deletes panelists", async () => {
    const webinarKey = future().webinarKey;
    const created = await h.client.createPanelists({
      webinarKey,
      panelists: [{ name: "Pat Panel", email: "pat@example.com" }],
    });
    expect(created).toEqual([
      {
        panelistKey: expect.stringMatching(/^\d+$/),
        name: "Pat Panel",
        email: "pat@example.com",
        joinLink: expect.any(String),
      },
    ]);
    const panelistKey = created[0]!.panelistKey;
    expect((await h.client.listPanelists({ webinarKey })).map((p) => p.panelistKey)).toEqual([panelistKey]);
    await h.client.resendPanelistInvitation({ webinarKey, panelistKey });
    await h.client.deletePanelist({ webinarKey, panelistKey });
    expect(await h.client.listPanelists({ webinarKey })).toEqual([]);
    await expect(h.client.deletePanelist({ webinarKey, panelistKey })).rejects.toBeInstanceOf(GotoNotFoundError);
    await expect(h.client.createPanelists({ webinarKey, panelists: [] })).rejects.toBeInstanceOf(GotoInputError);
  });

  it("creates, lists, re-invites and deletes co-organizers", async () => {
    const webinarKey = future().webinarKey;
    const created = await h.client.createCoorganizers({
      webinarKey,
      coorganizers: [{ external: true, givenName: "Eve", email: "eve@example.com" }],
    });
    expect(created[0]).toMatchObject({ external: true, givenName: "Eve", email: "eve@example.com" });
    const coorganizerKey = created[0]!.memberKey;
    expect((await h.client.listCoorganizers({ webinarKey })).map((c) => c.memberKey)).toEqual([coorganizerKey]);
    await h.client.resendCoorganizerInvitation({ webinarKey, coorganizerKey, external: true });
    await h.client.deleteCoorganizer({ webinarKey, coorganizerKey, external: true });
    expect(await h.client.listCoorganizers({ webinarKey })).toEqual([]);
    const log = await h.sim.control.requests();
    expect(log.filter((r) => r.method === "DELETE").at(-1)?.query).toMatchObject({ external: "true" });
  });
});

describe("audio, start URL, copy, recording assets", () => {
  it("getAudio and updateAudio", async () => {
    const webinarKey = future().webinarKey;
    expect((await h.client.getAudio({ webinarKey })).type).toBe("Hybrid");
    await h.client.updateAudio({ webinarKey, type: "VOIP" });
    expect((await h.client.getAudio({ webinarKey })).type).toBe("VOIP");
    await expect(h.client.updateAudio({ webinarKey, type: "Radio" as "VOIP" })).rejects.toBeInstanceOf(GotoInputError);
  });

  it("getStartUrl and copyWebinar", async () => {
    expect(await h.client.getStartUrl({ webinarKey: future().webinarKey })).toContain(future().webinarKey);
    const start = new Date(Date.now() + 10 * 86_400_000);
    const copy = await h.client.copyWebinar({
      webinarKey: future().webinarKey,
      subject: "Copied",
      times: [{ startTime: start.toISOString(), endTime: new Date(start.getTime() + 3_600_000).toISOString() }],
    });
    expect(copy.webinarKey).toMatch(/^\d{19}$/);
    expect((await h.client.getWebinar({ webinarKey: copy.webinarKey })).subject).toBe("Copied");
  });

  it("lists a webinar's recording assets and searches the account's (_embedded envelope)", async () => {
    const own = await h.client.listWebinarRecordingAssets({ webinarKey: past().webinarKey });
    expect(own).toMatchObject({ total: 1, page: 0, pageSize: 1 });
    expect(own.assets[0]).toMatchObject({
      recordingAssetKey: expect.stringMatching(/^\d+$/),
      webinarKey: past().webinarKey,
    });
    const found = await h.client.searchRecordingAssets({ includes: ["webinarKey"], fetchAll: true });
    expect(found.assets.map((a) => a.recordingAssetKey)).toEqual([own.assets[0]!.recordingAssetKey]);
    const admin = await h.client.searchAccountRecordingAssets({
      organizerKey: scenario.organizerKey,
      sortField: "NAME",
    });
    expect(admin.assets).toHaveLength(1);
  });

  it("reads an empty page with and without _embedded", async () => {
    const none = await h.client.searchRecordingAssets({ name: "nothing like this" });
    expect(none).toEqual({ assets: [], page: { size: 20, totalElements: 0, totalPages: 0, number: 0 } });
    await h.sim.control.updateSettings({ omitEmptyEmbedded: true });
    try {
      expect(await h.client.searchRecordingAssets({ name: "nothing like this" })).toEqual(none);
      const { webinars } = await h.client.listWebinars({
        fromTime: "2001-01-01T00:00:00Z",
        toTime: "2001-02-01T00:00:00Z",
      });
      expect(webinars).toEqual([]);
    } finally {
      await h.sim.control.updateSettings({ omitEmptyEmbedded: false });
    }
  });
});
