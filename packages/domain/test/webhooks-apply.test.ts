import { randomUUID } from "node:crypto";
import { createConnector, createProspect, createWebinar, gotoKey } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { applyWebhookEvent } from "../src/webhook-events/index";
import {
  registrantAdded as added,
  holdWebhookLock,
  POLLING as polling,
  useWebhookEventsDatabase,
} from "./webhook-events-fixture";

const { db, accountId, storeEvent } = useWebhookEventsDatabase("webhooks_apply");

describe("applyWebhookEvent", () => {
  it("attaches a registrant whose e-mail was merged away to the surviving master prospect", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const master = await createProspect(db, { accountId });
    await createProspect(db, { accountId, email: "old-address@example.com", mergedIntoId: master.id });
    const eventId = await storeEvent(connector.id, added(webinar.webinarKey, "Old-Address@example.com"));
    expect(await applyWebhookEvent({ db, eventId, polling })).toEqual({ status: "APPLIED", reason: null });
    expect(await db.webinarRegistration.findMany({ where: { webinarId: webinar.id } })).toEqual([
      expect.objectContaining({ prospectId: master.id, source: "WEBHOOK" }),
    ]);
  });

  it("does not create an unknown registrant when the connector's create-prospects is off, and says why", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED", createProspects: false });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const eventId = await storeEvent(connector.id, added(webinar.webinarKey, `stranger-${randomUUID()}@example.com`));
    const result = await applyWebhookEvent({ db, eventId, polling });
    expect(result).toEqual({
      status: "IGNORED",
      reason: expect.stringMatching(/not a prospect.*does not create prospects/),
    });
    expect(await db.webinarRegistration.count({ where: { webinarId: webinar.id } })).toBe(0);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({
      status: "IGNORED",
      reason: result.reason,
    });
  });

  it("waits while the webinar is not synced, then ignores the event on the last attempt and asks for a discovery", async () => {
    const connector = await createConnector(db, {
      accountId,
      status: "VERIFIED",
      nextDiscoveryAt: new Date(Date.now() + 3_600_000),
    });
    const eventId = await storeEvent(connector.id, added(gotoKey(), "early@example.com"));
    expect(await applyWebhookEvent({ db, eventId, polling, canWait: true })).toMatchObject({ status: "DEFERRED" });
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("RECEIVED");
    const now = new Date();
    expect(await applyWebhookEvent({ db, eventId, polling, canWait: false, now })).toMatchObject({
      status: "IGNORED",
      reason: expect.stringMatching(/not synced yet/),
    });
    expect((await db.connector.findUniqueOrThrow({ where: { id: connector.id } })).nextDiscoveryAt?.getTime()).toBe(
      now.getTime(),
    );
  });

  it("applies an event once: a second run (sweeper and original job) changes nothing", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const prospect = await createProspect(db, { accountId });
    const registration = await db.webinarRegistration.create({
      data: {
        accountId,
        webinarId: webinar.id,
        prospectId: prospect.id,
        registrantKey: gotoKey(),
        registeredAt: new Date(),
      },
    });
    const eventId = await storeEvent(connector.id, {
      eventName: "survey.submitted",
      webinarKey: webinar.webinarKey,
      registrantKey: registration.registrantKey,
      surveyName: "Feedback",
      responses: [{ question: "Rate it", questionType: "RATING", answers: ["5"] }],
    });
    expect((await applyWebhookEvent({ db, eventId, polling })).status).toBe("APPLIED");
    expect(await applyWebhookEvent({ db, eventId, polling })).toEqual({ status: "SETTLED", reason: null });
    const kept = await db.webinarRegistration.findUniqueOrThrow({ where: { id: registration.id } });
    expect(kept.surveyResponses).toEqual([
      expect.objectContaining({ surveyName: "Feedback", responses: [expect.objectContaining({ answers: ["5"] })] }),
    ]);
    // Counted and scored once: ANSWERED_SURVEY with the default 5 points.
    expect(kept.surveysAnswered).toBe(1);
    const answered = await db.activity.findMany({ where: { prospectId: prospect.id, type: "ANSWERED_SURVEY" } });
    expect(answered).toEqual([expect.objectContaining({ points: 5, webinarId: webinar.id })]);
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).score).toBe(prospect.score + 5);
  });

  it("keeps GoTo's registrationSource as the registration's source, unless we already have one of our own", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const fromGoto = `partner-${randomUUID()}@example.com`;
    const eventId = await storeEvent(
      connector.id,
      added(webinar.webinarKey, fromGoto, { registrationSource: "partner newsletter" }),
    );
    expect((await applyWebhookEvent({ db, eventId, polling })).status).toBe("APPLIED");
    // Our own label (a hosted form's UTM template) was there first: GoTo's echo does not replace it.
    const ours = await createProspect(db, { accountId });
    await db.webinarRegistration.create({
      data: {
        accountId,
        webinarId: webinar.id,
        prospectId: ours.id,
        registrantKey: gotoKey(),
        registeredAt: new Date(),
        sourceLabel: "spring / launch",
      },
    });
    const echo = await storeEvent(
      connector.id,
      added(webinar.webinarKey, ours.email, { registrationSource: "goto page" }),
    );
    expect((await applyWebhookEvent({ db, eventId: echo, polling })).status).toBe("APPLIED");
    const rows = await db.webinarRegistration.findMany({
      where: { webinarId: webinar.id },
      select: { sourceLabel: true, prospect: { select: { email: true } } },
    });
    expect(Object.fromEntries(rows.map((r) => [r.prospect.email, r.sourceLabel]))).toEqual({
      [fromGoto]: "partner newsletter",
      [ours.email]: "spring / launch",
    });
  });

  it("ignores events of a disabled connector", async () => {
    const connector = await createConnector(db, { accountId, status: "DISABLED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const eventId = await storeEvent(connector.id, added(webinar.webinarKey, "paused@example.com"));
    expect(await applyWebhookEvent({ db, eventId, polling })).toEqual({
      status: "IGNORED",
      reason: "the connector is disabled",
    });
    expect(await db.webinarRegistration.count({ where: { webinarId: webinar.id } })).toBe(0);
  });

  it("applies a registrant.joined that carries no sessionKey (GoTo's published sample), with or without registrantKey", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const joinTime = Date.parse("2030-01-01T10:05:00.000Z");
    // The sample's shape: registrant fields, no sessionKey.
    const sample = {
      eventName: "registrant.joined",
      webinarKey: webinar.webinarKey,
      registrantKey: gotoKey(),
      firstName: "Jo",
      lastName: "Join",
      email: "jo.join@example.com",
      registrationDate: "2029-12-20T10:00:00.000Z",
      status: "APPROVED",
      joinUrl: "https://global.gotowebinar.com/join/1/2",
      joinTime,
    };
    const first = await storeEvent(connector.id, sample);
    expect((await applyWebhookEvent({ db, eventId: first, polling })).status).toBe("APPLIED");
    const registration = await db.webinarRegistration.findFirstOrThrow({ where: { webinarId: webinar.id } });
    expect(registration).toMatchObject({
      registrantKey: sample.registrantKey,
      joinUrl: sample.joinUrl,
      joinedAt: new Date(joinTime),
      registeredAt: new Date(sample.registrationDate),
    });
    // Neither sessionKey nor registrantKey nor joinTime: found by e-mail, joined at the event's timestamp.
    const earlier = "2030-01-01T10:01:00.000Z";
    const bare = await storeEvent(connector.id, {
      eventName: "registrant.joined",
      webinarKey: webinar.webinarKey,
      email: "JO.JOIN@example.com",
      timestamp: earlier,
    });
    expect((await applyWebhookEvent({ db, eventId: bare, polling })).status).toBe("APPLIED");
    expect((await db.webinarRegistration.findUniqueOrThrow({ where: { id: registration.id } })).joinedAt).toEqual(
      new Date(earlier),
    );
  });

  it("waits its turn: leaves an event WAITING while an earlier one of its webinar is RECEIVED", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const email = `turn-${randomUUID()}@example.com`;
    const registrantKey = gotoKey();
    const add = await storeEvent(connector.id, added(webinar.webinarKey, email, { registrantKey }));
    const cancel = await storeEvent(
      connector.id,
      added(webinar.webinarKey, email, { registrantKey, status: "CANCELLED" }),
    );
    expect(await applyWebhookEvent({ db, eventId: cancel, polling })).toMatchObject({ status: "WAITING" });
    expect((await applyWebhookEvent({ db, eventId: add, polling })).status).toBe("APPLIED");
    expect((await applyWebhookEvent({ db, eventId: cancel, polling })).status).toBe("APPLIED");
    expect(await db.webinarRegistration.findFirstOrThrow({ where: { webinarId: webinar.id } })).toMatchObject({
      status: "CANCELLED",
    });
  });

  it("leaves its event WAITING, not failed, when a batch holds the connector's lock past the wait", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const eventId = await storeEvent(connector.id, added(webinar.webinarKey, `busy-${randomUUID()}@example.com`));
    const release = await holdWebhookLock(db, connector.id);
    try {
      expect(await applyWebhookEvent({ db, eventId, polling })).toMatchObject({ status: "WAITING" });
    } finally {
      await release();
    }
    expect((await applyWebhookEvent({ db, eventId, polling })).status).toBe("APPLIED");
  }, 30_000);
});
