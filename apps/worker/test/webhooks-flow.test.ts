// The whole webhook path over real HTTP: the GoTo stand-in signs and POSTs each event to the API
// listening on a real port, the API stores it and the worker applies it to Postgres.
import { createConnectorGotoClient } from "@gw/domain/connectors";
import {
  ensureWebhookSubscriptions,
  removeWebhookSubscriptions,
  webhookCallbackUrl,
} from "@gw/domain/webhook-subscriptions";
import type { GotoClient } from "@gw/gotowebinar";
import { type RunningSim, startSim } from "@gw/gotowebinar-sim";
import { createAccount, createCampaign, createVerifiedConnector, freePort } from "@gw/testing";
import { signWebhook } from "@gw/webhook-signature";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import { startWorkerRuntime, type WorkerRuntime } from "../src/runtime";
import { type ApiOverWorker, createTestWorkerEnv, simGotoEnv, startApiOver, type TestWorkerEnv } from "./helpers";

let sim: RunningSim;
let env: TestWorkerEnv;
let api: ApiOverWorker;
let runtime: WorkerRuntime;
let accountId: string;
let campaignId: string;
let connectorId: string;
let organizerKey: string;
let gotoClient: GotoClient;
let callbackUrl: string;

beforeAll(async () => {
  sim = await startSim({ port: 0, webhookRetryDelaysMs: [200, 500, 1000] });
  const port = await freePort();
  env = await createTestWorkerEnv("webhooks_flow", {
    ...simGotoEnv(sim.url, null),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEBHOOKS_ALLOW_LOOPBACK: "true",
  });
  api = await startApiOver(env, { port });
  runtime = await startWorkerRuntime(env.deps, handlers, { queues: ["webhooks"] });
  accountId = (await createAccount(env.deps.db)).id;
  campaignId = (await createCampaign(env.deps.db, { accountId })).id;
  const verified = await createVerifiedConnector(env.deps.db, env.deps.secretBox, { accountId, sim, campaignId });
  connectorId = verified.connector.id;
  organizerKey = verified.organizer.organizerKey;
  gotoClient = await createConnectorGotoClient({
    db: env.deps.db,
    config: env.config,
    secretBox: env.deps.secretBox,
    connectorId,
  });
  callbackUrl = webhookCallbackUrl(env.config.http.publicUrl, connectorId);
}, 120_000);

afterAll(async () => {
  await runtime?.close();
  await api?.close();
  await sim?.close();
  await env?.close();
});

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const db = () => env.deps.db;
const ours = async () => {
  const state = await sim.control.webhooks();
  const webhooks = state.webhooks.filter((w) => w.callbackUrl === callbackUrl);
  const keys = new Set(webhooks.map((w) => w.webhookKey));
  return { webhooks, subscriptions: state.userSubscriptions.filter((s) => keys.has(s.webhookKey)) };
};
const ensure = () =>
  ensureWebhookSubscriptions({
    db: db(),
    config: env.config,
    gotoClient,
    connector: { id: connectorId },
    secretBox: env.deps.secretBox,
  });

async function newWebinar(startsInMinutes = 10 * 24 * 60) {
  const result = await sim.control.scenario({
    organizerKey,
    fireWebhooks: true,
    webinars: [{ startsInMinutes, durationMinutes: 60, registrants: 0 }],
  });
  const webinarKey = result.webinars[0]?.webinarKey as string;
  const webinar = await waitFor("webinar.created applied", () =>
    db().webinar.findUnique({ where: { connectorId_webinarKey: { connectorId, webinarKey } } }),
  );
  return { webinarKey, webinar };
}

const registrationOf = (webinarId: string, registrantKey: string) =>
  db().webinarRegistration.findFirst({ where: { webinarId, registrantKey } });

/** Someone registering on GoTo's own page, and their registration once its webhook is applied. */
async function registerOnGoTo(
  webinar: { id: string; webinarKey: string },
  person: { firstName: string; lastName: string; email: string },
) {
  const registrant = await sim.control.register(webinar.webinarKey, person);
  const registration = await waitFor("registration", () => registrationOf(webinar.id, registrant.registrantKey));
  return { registrant, registration };
}

describe("GoTo webhooks end to end with the stand-in", () => {
  it("subscribes a verified connector: one active webhook and subscription per event, none duplicated when verified again", async () => {
    const first = await ensure();
    expect(first.enabled).toBe(true);
    const before = await ours();
    expect(before.webhooks.map((w) => w.eventName).sort()).toEqual([
      "registrant.added",
      "registrant.joined",
      "survey.submitted",
      "webinar.changed",
      "webinar.created",
    ]);
    expect(before.webhooks.every((w) => w.state === "ACTIVE")).toBe(true);
    expect(before.subscriptions).toHaveLength(5);
    expect(before.subscriptions.every((s) => s.activationState === "ACTIVE")).toBe(true);
    const stored = await db().connector.findUniqueOrThrow({ where: { id: connectorId } });
    expect(stored.webhooksEnabled).toBe(true);
    expect(stored.webhookSecretEnc).toMatch(/^v1\./);
    expect(await db().webhookSubscription.count({ where: { connectorId } })).toBe(5);

    const again = await ensure();
    const after = await ours();
    expect(after.webhooks.map((w) => w.webhookKey).sort()).toEqual(before.webhooks.map((w) => w.webhookKey).sort());
    expect(after.subscriptions.map((s) => s.userSubscriptionKey).sort()).toEqual(
      before.subscriptions.map((s) => s.userSubscriptionKey).sort(),
    );
    expect(again.subscriptions.map((s) => s.userSubscriptionKey).sort()).toEqual(
      first.subscriptions.map((s) => s.userSubscriptionKey).sort(),
    );
    expect((await sim.control.webhooks()).secretKeys).toHaveLength(1);
  });

  it("webinar.created: a webinar created in GoTo appears with its times, due for a poll", async () => {
    const { webinar } = await newWebinar();
    expect(webinar).toMatchObject({ status: "SCHEDULED", accountId });
    expect(webinar.startsAt.getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    expect(webinar.nextPollAt).not.toBeNull();
  });

  it("registrant.added: a person registering on GoTo's own page appears on the prospect's timeline within seconds", async () => {
    const { webinar } = await newWebinar();
    const { registration } = await registerOnGoTo(webinar, {
      firstName: "Grace",
      lastName: "Hopper",
      email: "grace@example.com",
    });
    expect(registration).toMatchObject({ status: "APPROVED", source: "WEBHOOK" });
    // The registration is written a moment before its activities and their points: wait for both.
    const activities = await waitFor("activities", async () => {
      const rows = await db().activity.findMany({
        where: { prospectId: registration.prospectId, webinarId: webinar.id },
      });
      return rows.length === 2 ? rows : undefined;
    });
    expect(activities.map((a) => a.type).sort()).toEqual(["ACCEPTED", "REGISTERED"]);
    const prospect = await db().prospect.findUniqueOrThrow({ where: { id: registration.prospectId } });
    expect(prospect).toMatchObject({
      email: "grace@example.com",
      firstName: "Grace",
      lastName: "Hopper",
      campaignId,
      source: "GOTO_SYNC",
    });
    expect(prospect.score).toBe(activities.reduce((sum, a) => sum + a.points, 0));
  });

  it("registrant.joined marks attendance in progress; survey.submitted keeps the answers on the registration", async () => {
    const { webinarKey, webinar } = await newWebinar(30);
    const { registrant } = await registerOnGoTo(webinar, {
      firstName: "Alan",
      lastName: "Turing",
      email: "alan@example.com",
    });
    const joined = await sim.control.join(webinarKey, registrant.registrantKey);
    const registration = await waitFor("join", async () => {
      const row = await registrationOf(webinar.id, registrant.registrantKey);
      return row?.joinedAt ? row : null;
    });
    expect(registration.joinedAt?.toISOString()).toBe(new Date(joined.joinTime).toISOString());
    expect(registration.attended).toBe(false);

    await sim.control.submitSurvey(webinarKey, {
      registrantKey: registrant.registrantKey,
      surveyName: "Feedback",
      responses: [{ question: "Useful?", answers: ["Very"] }],
    });
    const surveyed = await waitFor("survey", async () => {
      const row = await registrationOf(webinar.id, registrant.registrantKey);
      return Array.isArray(row?.surveyResponses) && row.surveyResponses.length > 0 ? row : null;
    });
    expect(surveyed.surveyResponses).toEqual([
      expect.objectContaining({
        surveyName: "Feedback",
        responses: [expect.objectContaining({ question: "Useful?", answers: ["Very"] })],
      }),
    ]);
  });

  it("webinar.changed: a rescheduled webinar gets its new times and is polled at the closer webinar's pace", async () => {
    const { webinarKey, webinar } = await newWebinar(30 * 24 * 60);
    await db().webinar.update({
      where: { id: webinar.id },
      data: { nextPollAt: new Date(Date.now() + 2 * 3_600_000) },
    });
    await sim.control.updateWebinar(webinarKey, {
      subject: "Moved to the day after tomorrow",
      startsInMinutes: 2 * 24 * 60,
    });
    const moved = await waitFor("webinar.changed applied", async () => {
      const row = await db().webinar.findUnique({ where: { id: webinar.id } });
      return row?.subject === "Moved to the day after tomorrow" ? row : null;
    });
    expect(moved.startsAt.getTime()).toBeLessThan(Date.now() + 3 * 86_400_000);
    // Under a week away: every 10 minutes, so the next poll comes well before the 2 hours planned.
    expect(moved.nextPollAt!.getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
  });

  it("webinar.changed: a webinar moved to an end already past has its attendance due now, not at the old end", async () => {
    const { webinarKey, webinar } = await newWebinar(3 * 24 * 60);
    await sim.control.updateWebinar(webinarKey, { startsInMinutes: -2 * 24 * 60 });
    const moved = await waitFor("webinar.changed applied", async () => {
      const row = await db().webinar.findUnique({ where: { id: webinar.id } });
      return row && row.endsAt.getTime() < Date.now() ? row : null;
    });
    expect(moved.status).toBe("ENDED");
    expect(moved.nextPollAt).toBeNull();
    expect(moved.nextAttendanceSyncAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("applies an event GoTo delivers twice only once: one stored event, one registration, points once", async () => {
    const { webinarKey, webinar } = await newWebinar();
    await sim.control.updateSettings({ duplicateWebhookDeliveries: true });
    try {
      const registrant = await sim.control.register(webinarKey, {
        firstName: "Twice",
        lastName: "Sent",
        email: "twice@example.com",
      });
      const deliveries = await waitFor("both copies delivered", async () => {
        const all = (await sim.control.deliveries()).filter(
          (d) => d.body.includes(registrant.registrantKey) && d.url === callbackUrl,
        );
        return all.length === 2 && all.every((d) => d.state === "delivered") ? all : null;
      });
      expect(new Set(deliveries.map((d) => d.eventKey)).size).toBe(1);
      const registration = await waitFor("registration", () => registrationOf(webinar.id, registrant.registrantKey));
      await waitFor("event applied", () =>
        db().webhookEvent.findFirst({
          where: { eventKey: `${connectorId}:${deliveries[0]?.eventKey}`, status: "APPLIED" },
        }),
      );
      expect(await db().webhookEvent.count({ where: { eventKey: `${connectorId}:${deliveries[0]?.eventKey}` } })).toBe(
        1,
      );
      const activities = await db().activity.findMany({ where: { prospectId: registration.prospectId } });
      expect(activities.map((a) => a.type).sort()).toEqual(["ACCEPTED", "REGISTERED"]);
      const prospect = await db().prospect.findUniqueOrThrow({ where: { id: registration.prospectId } });
      expect(prospect.score).toBe(activities.reduce((sum, a) => sum + a.points, 0));
    } finally {
      await sim.control.updateSettings({ duplicateWebhookDeliveries: false });
    }
  });

  it("rejects forged and replayed deliveries over HTTP and records why", async () => {
    const { webinarKey } = await newWebinar();
    const registrant = await sim.control.register(webinarKey, {
      firstName: "Eve",
      lastName: "Genuine",
      email: "eve@example.com",
    });
    const delivery = await waitFor("genuine delivery", async () =>
      (await sim.control.deliveries()).find(
        (d) => d.body.includes(registrant.registrantKey) && d.state === "delivered",
      ),
    );
    const secret = env.deps.secretBox.decrypt(
      (await db().connector.findUniqueOrThrow({ where: { id: connectorId } })).webhookSecretEnc as string,
    );
    const post = (headers: Record<string, string>) =>
      fetch(callbackUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: delivery.body,
      });
    const stored = () => db().webhookEvent.count({ where: { eventKey: `${connectorId}:${delivery.eventKey}` } });
    await waitFor("genuine event stored", async () => (await stored()) === 1);

    const forged = await post(
      signWebhook({ scheme: "hmac-sha256-timestamp", secret: "guessed-secret", body: delivery.body }),
    );
    expect(forged.status).toBe(401);
    const stale = await post(
      signWebhook({
        scheme: "hmac-sha256-timestamp",
        secret,
        body: delivery.body,
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      }),
    );
    expect(stale.status).toBe(401);
    const replayed = await post(signWebhook({ scheme: "hmac-sha256-timestamp", secret, body: delivery.body }));
    expect(replayed.status).toBe(200);
    expect(((await replayed.json()) as { status: string }).status).toBe("duplicate");

    expect(await stored()).toBe(1);
    const rejected = await db().webhookEvent.findMany({
      where: { connectorId, status: "REJECTED" },
      orderBy: { receivedAt: "desc" },
      take: 2,
    });
    expect(rejected.map((r) => r.reason).sort()).toEqual([
      expect.stringMatching(/signature does not match/),
      expect.stringMatching(/outside the allowed window/),
    ]);
  });

  it("a webinar deleted in GoTo shows as cancelled, with its registrations cancelled on the prospect's timeline", async () => {
    const { webinarKey, webinar } = await newWebinar();
    const { registration } = await registerOnGoTo(webinar, {
      firstName: "Carl",
      lastName: "Cancelled",
      email: "carl@example.com",
    });
    await sim.control.cancelWebinar(webinarKey);
    const cancelled = await waitFor("webinar cancelled", async () => {
      const row = await db().webinar.findUnique({ where: { id: webinar.id } });
      return row?.status === "CANCELLED" ? row : null;
    });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.nextPollAt).toBeNull();
    expect(await db().webinarRegistration.findUniqueOrThrow({ where: { id: registration.id } })).toMatchObject({
      status: "CANCELLED",
    });
    const activity = await db().activity.findUnique({
      where: {
        prospectId_webinarId_type: { prospectId: registration.prospectId, webinarId: webinar.id, type: "CANCELLED" },
      },
    });
    expect(activity?.details).toMatchObject({ reason: expect.stringMatching(/webinar cancelled/) });
  });

  it("re-enqueues an event whose job was lost (Redis flushed) through the sweeper", async () => {
    const { webinarKey, webinar } = await newWebinar();
    const registrantKey = "7000000000000000123";
    const event = await db().webhookEvent.create({
      data: {
        accountId,
        connectorId,
        eventKey: `${connectorId}:lost-${Date.now()}`,
        eventName: "registrant.added",
        status: "RECEIVED",
        receivedAt: new Date(Date.now() - 60_000),
        payload: {
          eventName: "registrant.added",
          eventKey: "lost",
          eventVersion: "1.0.0",
          product: "g2w",
          webinarKey,
          registrantKey,
          firstName: "Lost",
          lastName: "Job",
          email: "lost@example.com",
          status: "APPROVED",
          responses: [],
        },
      },
    });
    const result = await handlers["sweep-webhook-events"](
      {},
      { deps: env.deps, log: env.deps.log, jobId: "sweep-test", attempt: 1, signal: new AbortController().signal },
    );
    expect(result).toMatchObject({ requeued: 1 });
    await waitFor(
      "swept event applied",
      async () => (await db().webhookEvent.findUnique({ where: { id: event.id } }))?.status === "APPLIED",
    );
    expect(await registrationOf(webinar.id, registrantKey)).not.toBeNull();
  });

  it("takes a burst of 1,000 deliveries without losing one: all stored, all applied", async () => {
    const { webinarKey, webinar } = await newWebinar();
    const people = Array.from({ length: 1000 }, (_, i) => ({
      firstName: "Burst",
      lastName: `Person ${i}`,
      email: `burst-${i}@example.com`,
    }));
    for (let i = 0; i < people.length; i += 50) {
      await Promise.all(people.slice(i, i + 50).map((person) => sim.control.register(webinarKey, person)));
    }
    // State, not time: at a high load the stand-in's deliveries and their retries take a while.
    const ours = (all: Awaited<ReturnType<typeof sim.control.deliveries>>) =>
      all.filter((d) => d.eventName === "registrant.added" && d.body.includes(`"webinarKey":${webinarKey}`));
    const deliveries = await waitFor(
      "1,000 deliveries answered 200",
      async () => {
        const mine = ours(await sim.control.deliveries());
        return mine.length === 1000 && mine.every((d) => d.state === "delivered") ? mine : null;
      },
      240_000,
    );
    const keys = deliveries.map((d) => `${connectorId}:${d.eventKey}`);
    const settled = () =>
      db().webhookEvent.groupBy({
        by: ["status"],
        where: { connectorId, eventName: "registrant.added", eventKey: { in: keys } },
        _count: { _all: true },
      });
    await waitFor(
      "1,000 events settled",
      async () => (await settled()).every((group) => group.status !== "RECEIVED"),
      240_000,
    );
    expect(await settled()).toEqual([{ status: "APPLIED", _count: { _all: 1000 } }]);
    expect(await db().webinarRegistration.count({ where: { webinarId: webinar.id } })).toBe(1000);
    expect(await db().activity.count({ where: { webinarId: webinar.id, type: "REGISTERED" } })).toBe(1000);
  }, 600_000);

  it("the admin sees the subscriptions and recent deliveries, applied and rejected with why", async () => {
    const { getConnectorWebhooks } = await import("@gw/domain/webhook-subscriptions");
    const view = await getConnectorWebhooks({ db: db(), config: env.config, accountId, connectorId, limit: 200 });
    expect(view).toMatchObject({ enabled: true, reason: null, callbackUrl });
    expect(view.subscriptions).toHaveLength(5);
    expect(view.last24h.APPLIED).toBeGreaterThan(1000);
    expect(view.last24h.REJECTED).toBe(2);
    expect(view.deliveries.some((d) => d.status === "APPLIED" && d.eventKey && !d.eventKey.includes(connectorId))).toBe(
      true,
    );
  });

  it("removing the subscriptions (connector deleted or disabled) deletes them in GoTo, and nothing more is delivered", async () => {
    const removed = await removeWebhookSubscriptions({
      db: db(),
      config: env.config,
      gotoClient,
      connector: { id: connectorId },
    });
    expect(removed.error).toBeNull();
    expect(removed.userSubscriptionKeys).toHaveLength(5);
    expect(await ours()).toEqual({ webhooks: [], subscriptions: [] });
    expect(await db().webhookSubscription.count({ where: { connectorId } })).toBe(0);
    expect((await db().connector.findUniqueOrThrow({ where: { id: connectorId } })).webhooksEnabled).toBe(false);

    const before = (await sim.control.deliveries()).length;
    const webinar = (await sim.control.webinars(organizerKey)).find((w) => !w.cancelled) as { webinarKey: string };
    await sim.control.register(webinar.webinarKey, {
      firstName: "After",
      lastName: "Removal",
      email: "after@example.com",
    });
    expect((await sim.control.webhooksIdle()).length).toBe(before);
  });

  it("skips webhooks when PUBLIC_URL is a loopback address GoTo cannot reach, saying why", async () => {
    const { connector } = await createVerifiedConnector(db(), env.deps.secretBox, { accountId, sim });
    const client = await createConnectorGotoClient({
      db: db(),
      config: env.config,
      secretBox: env.deps.secretBox,
      connectorId: connector.id,
    });
    const config = {
      ...env.config,
      http: { ...env.config.http, publicUrl: "http://localhost:3000" },
      webhooks: { ...env.config.webhooks, allowLoopback: false },
    };
    const result = await ensureWebhookSubscriptions({
      db: db(),
      config,
      gotoClient: client,
      connector,
      secretBox: env.deps.secretBox,
    });
    expect(result).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(/loopback address that GoTo cannot reach.*polling alone/),
    });
    expect((await sim.control.webhooks()).webhooks.filter((w) => String(w.callbackUrl).includes(connector.id))).toEqual(
      [],
    );
    expect((await db().connector.findUniqueOrThrow({ where: { id: connector.id } })).webhooksEnabled).toBe(false);
  });
});
