import { describe, expect, it } from "vitest";
import { getWebinarDetail } from "../src/reports/index";
import { HOUR, MINUTE, useSyncEnv } from "./sync-env";

const env = useSyncEnv("engagement");

describe("series", () => {
  it("syncs a series of three sessions as three webinars of one program", async () => {
    const { connectorId, scenario } = await env.seed([
      { subject: "Quarterly update", type: "series", sessions: 3, startsInMinutes: 2 * 24 * 60, registrants: 9 },
    ]);
    const series = scenario.webinars[0]!;
    expect(series.webinarKeys).toHaveLength(3);
    const rows = await env.db.webinar.findMany({ where: { connectorId }, orderBy: { startsAt: "asc" } });
    expect(rows.map((w) => w.webinarKey)).toEqual(series.webinarKeys);
    const programIds = new Set(rows.map((w) => w.programId));
    expect(programIds.size).toBe(1);
    const program = await env.db.webinarProgram.findUniqueOrThrow({ where: { id: [...programIds][0]! } });
    expect(program).toMatchObject({ recurrenceKey: series.recurrenceKey, subject: "Quarterly update", connectorId });
    // Each session syncs its own registrants.
    for (const row of rows) await env.sync(row.id);
    const counts = await Promise.all(rows.map((w) => env.db.webinarRegistration.count({ where: { webinarId: w.id } })));
    expect(counts).toEqual([3, 3, 3]);
    // The report shows the program with each session's registrations and the total.
    const detail = await getWebinarDetail({ db: env.db, accountId: rows[1]!.accountId, webinarId: rows[1]!.id });
    expect(detail.program).toMatchObject({
      subject: "Quarterly update",
      sessions: rows.map((w) => expect.objectContaining({ webinarId: w.id, registered: 3, attended: 0 })),
      totals: { registered: 9, attended: 0 },
    });
  });
});

describe("engagement after a session", () => {
  it("lands performance, questions with who asked, poll and survey answers, % of session, and scores them once", async () => {
    const { accountId, scenario } = await env.seed([
      { subject: "Deep dive", startsInMinutes: -90, durationMinutes: 60, registrants: 8, attendanceRatio: 1 },
    ]);
    const seededWebinar = scenario.webinars[0]!;
    const webinar = await env.db.webinar.findFirstOrThrow({ where: { webinarKey: seededWebinar.webinarKey } });
    const people = await env.sim.control.registrants(seededWebinar.webinarKey);
    const [asker, surveyed] = people;
    const start = webinar.startsAt.getTime();
    await env.sim.control.askQuestion(seededWebinar.webinarKey, {
      registrantKey: asker!.registrantKey,
      question: "Which plan includes SSO?",
      askedAt: new Date(start + 10 * MINUTE).toISOString(),
      answer: "Enterprise.",
    });
    await env.sim.control.submitSurvey(seededWebinar.webinarKey, {
      registrantKey: surveyed!.registrantKey,
      responses: [{ question: "Would you recommend it?", questionType: "RATING", answers: ["9"] }],
    });
    await env.db.attendanceScoringRule.createMany({
      data: [
        { accountId, minMinutes: 10, points: 7 },
        { accountId, minPercent: 99, points: 100 },
      ],
    });

    const result = await env.sync(webinar.id);
    expect(result).toMatchObject({ status: "synced", kind: "ATTENDANCE" });

    const session = await env.db.webinarSession.findFirstOrThrow({ where: { webinarId: webinar.id } });
    expect(session).toMatchObject({
      registrantCount: 8,
      percentageAttendance: 100,
      pollCount: 1,
      surveyCount: 1,
      averageInterestRating: expect.any(Number),
      performanceSyncedAt: expect.any(Date),
      engagementAttendees: 8,
    });
    expect(session.questionsAsked).toBeGreaterThanOrEqual(1);

    const askerProspect = await env.db.prospect.findFirstOrThrow({ where: { accountId, email: asker!.email } });
    const question = await env.db.sessionQuestion.findFirstOrThrow({ where: { question: "Which plan includes SSO?" } });
    expect(question).toMatchObject({
      webinarId: webinar.id,
      sessionId: session.id,
      prospectId: askerProspect.id,
      askedBy: asker!.email,
      askedAt: new Date(start + 10 * MINUTE),
      answers: [expect.objectContaining({ answer: "Enterprise." })],
    });
    const askerRegistration = await env.db.webinarRegistration.findFirstOrThrow({
      where: { webinarId: webinar.id, prospectId: askerProspect.id },
    });
    expect(askerRegistration.questionsAsked).toBeGreaterThanOrEqual(1);
    expect(askerRegistration.attendancePercent).toBeGreaterThan(0);
    expect(askerRegistration.attendancePercent).toBeLessThanOrEqual(100);
    const detail = await getWebinarDetail({ db: env.db, accountId, webinarId: webinar.id });
    expect(detail.sessions[0]!.performance).toMatchObject({ percentageAttendance: 100, pollCount: 1 });
    expect(detail.questions).toContainEqual(
      expect.objectContaining({
        question: "Which plan includes SSO?",
        prospect: expect.objectContaining({ id: askerProspect.id, email: asker!.email }),
        answers: [{ answer: "Enterprise.", answeredBy: expect.stringContaining("@") }],
      }),
    );
    const asked = await env.db.activity.findFirstOrThrow({
      where: { prospectId: askerProspect.id, webinarId: webinar.id, type: "ASKED_QUESTION" },
    });
    expect(asked).toMatchObject({ points: 10, occurredAt: new Date(start + 10 * MINUTE) });

    const surveyedProspect = await env.db.prospect.findFirstOrThrow({ where: { accountId, email: surveyed!.email } });
    const surveyedRegistration = await env.db.webinarRegistration.findFirstOrThrow({
      where: { webinarId: webinar.id, prospectId: surveyedProspect.id },
    });
    expect(surveyedRegistration).toMatchObject({
      surveysAnswered: 1,
      surveyAnswers: [{ sessionKey: session.sessionKey, question: "Would you recommend it?", answers: ["9"] }],
    });
    expect(
      await env.db.activity.count({
        where: { prospectId: surveyedProspect.id, webinarId: webinar.id, type: "ANSWERED_SURVEY" },
      }),
    ).toBe(1);

    // Poll answers: as many registrations as GoTo's poll counted responses.
    const polled = await env.db.webinarRegistration.findMany({
      where: { webinarId: webinar.id, pollsAnswered: { gt: 0 } },
    });
    const sessionPolls = await (
      await env.connectGoto({ id: webinar.connectorId, organizerKey: null }, { onRequest: () => {} })
    ).listSessionPolls({
      webinarKey: webinar.webinarKey,
      sessionKey: session.sessionKey,
    });
    expect(polled).toHaveLength(sessionPolls[0]!.numberOfResponses);
    expect(polled[0]!.pollAnswers).toEqual([
      {
        sessionKey: session.sessionKey,
        question: sessionPolls[0]!.question,
        answers: [expect.stringMatching(/Yes|No/)],
      },
    ]);
    expect(await env.db.activity.count({ where: { webinarId: webinar.id, type: "ANSWERED_POLL" } })).toBe(
      polled.length,
    );

    // Threshold rules: ≥ 10 minutes pays those who stayed that long, once.
    const long = await env.db.webinarRegistration.findMany({
      where: { webinarId: webinar.id, attendanceSeconds: { gte: 600 } },
    });
    expect(await env.db.attendanceScoreAward.count({ where: { webinarId: webinar.id, points: 7 } })).toBe(long.length);
    const before = await env.db.prospect.findMany({ where: { accountId }, orderBy: { id: "asc" } });

    // A later sync asks GoTo only for performance (sessions unchanged) and changes no score.
    await env.advance(3 * HOUR);
    const again = await env.sync(webinar.id);
    expect(again).toMatchObject({ status: "synced", details: { engagementSessionsFetched: 0 } });
    expect(await env.db.prospect.findMany({ where: { accountId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await env.db.activity.count({ where: { webinarId: webinar.id, type: "ASKED_QUESTION" } })).toBe(
      await env.db.webinarRegistration.count({ where: { webinarId: webinar.id, questionsAsked: { gt: 0 } } }),
    );
  });

  it("records WATCHED_ON_DEMAND instead of ATTENDED_LIVE when GoTo marks the webinar on demand", async () => {
    const { scenario } = await env.seed([
      {
        subject: "On demand",
        startsInMinutes: -90,
        durationMinutes: 60,
        registrants: 3,
        attendanceRatio: 1,
        isOndemand: true,
      },
    ]);
    const webinar = await env.db.webinar.findFirstOrThrow({ where: { webinarKey: scenario.webinars[0]!.webinarKey } });
    expect(webinar.isOndemand).toBe(true);
    await env.sync(webinar.id);
    expect(await env.db.activity.count({ where: { webinarId: webinar.id, type: "WATCHED_ON_DEMAND" } })).toBe(3);
    expect(await env.db.activity.count({ where: { webinarId: webinar.id, type: "ATTENDED_LIVE" } })).toBe(0);
    expect(await env.db.activity.count({ where: { webinarId: webinar.id, type: "ATTENDED" } })).toBe(3);
  });
});
