import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GotoNotFoundError,
  GotoValidationError,
  type GotoWebhookEvent,
  parseWebhookEvent,
  verifyWebhook,
  type WebhookEventName,
} from "../../src/index";
import { DAY_MINUTES, type Harness, startHarness, startReceiver } from "./harness";

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  h = await startHarness();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

describe("webhooks and user subscriptions", () => {
  it("createSecretKey returns the key value once", async () => {
    const key = await h.client.createSecretKey();
    expect(key).toEqual({
      id: expect.stringMatching(/^\d+$/),
      value: expect.any(String),
      validFrom: expect.any(String),
    });
    const later = await h.client.createSecretKey({ validFrom: new Date(Date.now() + 3_600_000) });
    expect(Date.parse(later.validFrom!)).toBeGreaterThan(Date.now());
  });

  it("creates, lists, gets, activates and deletes webhooks", async () => {
    const [webhook] = await h.client.createWebhooks([
      { callbackUrl: `${receiver.url}/other/hook`, eventName: "webinar.created" },
    ]);
    expect(webhook).toMatchObject({
      webhookKey: expect.any(String),
      callbackUrl: `${receiver.url}/other/hook`,
      eventName: "webinar.created",
      eventVersion: "1.0.0",
      product: "g2w",
      state: "INACTIVE",
    });
    await h.client.updateWebhooks([{ webhookKey: webhook!.webhookKey, state: "ACTIVE" }]);
    expect((await h.client.getWebhook(webhook!.webhookKey)).state).toBe("ACTIVE");
    expect((await h.client.listWebhooks()).map((w) => w.webhookKey)).toContain(webhook!.webhookKey);
    const picklist = await h.client.selectWebhook();
    expect(picklist.find((e) => e.key === webhook!.webhookKey)?.label).toContain("webinar.created");
    await h.client.deleteWebhooks([webhook!.webhookKey]);
    await expect(h.client.getWebhook(webhook!.webhookKey)).rejects.toBeInstanceOf(GotoNotFoundError);
  });

  it("GoTo refuses a callback URL that does not answer 200 (typed 400)", async () => {
    await expect(
      h.client.createWebhooks([{ callbackUrl: "http://127.0.0.1:9/nothing-here", eventName: "registrant.added" }]),
    ).rejects.toBeInstanceOf(GotoValidationError);
  });

  it("createUserSubscription sets up an active webhook and subscription; get/list/update/delete work", async () => {
    const callbackUrl = `${receiver.url}/goto/webhooks`;
    const [sub] = await h.client.createUserSubscription({
      eventName: "registrant.added",
      eventVersion: "1.0.0",
      callbackUrl,
    });
    expect(sub).toMatchObject({
      userSubscriptionKey: expect.any(String),
      webhookKey: expect.any(String),
      callbackUrl,
      eventName: "registrant.added",
      eventVersion: "1.0.0",
      product: "g2w",
      userSubscriptionState: "ACTIVE",
      activationState: "ACTIVE",
    });
    // A second subscription to the same event and URL reuses the webhook.
    const [again] = await h.client.createUserSubscription({ eventName: "registrant.added", callbackUrl });
    expect(again!.webhookKey).toBe(sub!.webhookKey);

    expect(await h.client.getUserSubscription(sub!.userSubscriptionKey)).toEqual(sub);
    const listed = await h.client.listUserSubscriptions();
    expect(listed.map((s) => s.userSubscriptionKey)).toEqual(
      expect.arrayContaining([sub!.userSubscriptionKey, again!.userSubscriptionKey]),
    );

    await h.client.updateUserSubscription({
      userSubscriptionKey: sub!.userSubscriptionKey,
      webhookKey: sub!.webhookKey,
      callbackUrl: `${callbackUrl}?v=2`,
      userSubscriptionState: "INACTIVE",
    });
    expect(await h.client.getUserSubscription(sub!.userSubscriptionKey)).toMatchObject({
      callbackUrl: `${callbackUrl}?v=2`,
      userSubscriptionState: "INACTIVE",
      activationState: "INACTIVE",
    });

    await h.client.deleteUserSubscriptions({ userSubscriptionKeys: [again!.userSubscriptionKey] });
    await expect(h.client.getUserSubscription(again!.userSubscriptionKey)).rejects.toBeInstanceOf(GotoNotFoundError);
    expect((await h.client.getWebhook(sub!.webhookKey)).webhookKey).toBe(sub!.webhookKey);

    const { webhookKeys } = await h.client.deleteUserSubscriptions({
      userSubscriptionKeys: [sub!.userSubscriptionKey],
      deleteWebhooks: true,
    });
    expect(webhookKeys).toEqual([sub!.webhookKey]);
    await expect(h.client.getWebhook(sub!.webhookKey)).rejects.toBeInstanceOf(GotoNotFoundError);
  });

  it("createUserSubscriptions subscribes to an existing webhook", async () => {
    const [webhook] = await h.client.createWebhooks([
      { callbackUrl: `${receiver.url}/x`, eventName: "webinar.changed" },
    ]);
    const subs = await h.client.createUserSubscriptions([
      { webhookKey: webhook!.webhookKey, userSubscriptionState: "ACTIVE" },
    ]);
    expect(subs[0]).toMatchObject({
      webhookKey: webhook!.webhookKey,
      eventName: "webinar.changed",
      activationState: "INACTIVE",
    });
    await h.client.updateUserSubscriptions([
      {
        userSubscriptionKey: subs[0]!.userSubscriptionKey,
        webhookKey: webhook!.webhookKey,
        userSubscriptionState: "ACTIVE",
      },
    ]);
    await h.client.deleteWebhooks([webhook!.webhookKey]);
  });

  it("deleteInstancedSubscriptions removes only this service's subscriptions and webhooks", async () => {
    const ours = `${receiver.url}/instance-a/`;
    await h.client.createUserSubscription({ eventName: "registrant.joined", callbackUrl: `${ours}joined` });
    await h.client.createUserSubscription({ eventName: "webinar.changed", callbackUrl: `${ours}changed` });
    const [theirs] = await h.client.createUserSubscription({
      eventName: "registrant.joined",
      callbackUrl: `${receiver.url}/instance-b/joined`,
    });

    const deleted = await h.client.deleteInstancedSubscriptions({ callbackUrlPrefix: ours });
    expect(deleted.userSubscriptionKeys).toHaveLength(2);
    expect(deleted.webhookKeys).toHaveLength(2);

    const remaining = await h.client.listUserSubscriptions();
    expect(remaining.map((s) => s.userSubscriptionKey)).toEqual([theirs!.userSubscriptionKey]);
    expect((await h.client.listWebhooks()).every((w) => !w.callbackUrl.startsWith(ours))).toBe(true);
  });
});

describe("webhook deliveries (receiver helpers)", () => {
  it("verifies and parses every event the stand-in delivers, keys exact", async () => {
    const secret = await h.client.createSecretKey();
    const base = `${receiver.url}/deliveries/`;
    const events: WebhookEventName[] = [
      "registrant.added",
      "registrant.joined",
      "webinar.created",
      "webinar.changed",
      "survey.submitted",
    ];
    for (const eventName of events)
      await h.client.createUserSubscription({ eventName, callbackUrl: `${base}${eventName}` });

    const scenario = await h.sim.control.scenario({
      webinars: [{ subject: "Hooks", startsInMinutes: -5, durationMinutes: 60, registrants: 1 }],
    });
    const webinarKey = scenario.webinars[0]!.webinarKey;
    const start = new Date(Date.now() + 9 * DAY_MINUTES * 60_000);
    const created = await h.client.createWebinar({
      subject: "Hooked",
      times: [{ startTime: start, endTime: new Date(start.getTime() + 3_600_000) }],
    });
    const { registrantKey } = await h.client.createRegistrant({
      webinarKey,
      firstName: "Hook",
      lastName: "Ed",
      email: "hook@example.com",
    });
    await h.sim.control.join(webinarKey, registrantKey);
    await h.sim.control.submitSurvey(webinarKey, {
      registrantKey,
      surveyName: "Feedback",
      responses: [{ question: "Useful?", questionType: "RATING", answers: ["5"] }],
    });
    await h.client.cancelWebinar({ webinarKey: created.webinarKey });
    await h.sim.control.webhooksIdle();

    const parsed: GotoWebhookEvent[] = [];
    for (const delivery of receiver.deliveries.filter((d) => d.path.startsWith("/deliveries/"))) {
      expect(
        verifyWebhook({
          scheme: "hmac-sha256-timestamp",
          secrets: [secret.value],
          body: delivery.body,
          headers: delivery.headers,
        }),
      ).toEqual({ ok: true });
      parsed.push(parseWebhookEvent(delivery.body));
    }
    const byName = (name: WebhookEventName) => parsed.filter((e) => e.eventName === name);
    expect(byName("registrant.added").map((e) => (e as { registrantKey: string }).registrantKey)).toContain(
      registrantKey,
    );
    const joined = byName("registrant.joined")[0];
    expect(joined).toMatchObject({ webinarKey, registrantKey, joinTime: expect.any(Date) });
    expect(byName("webinar.created").map((e) => (e as { webinarKey: string }).webinarKey)).toContain(
      created.webinarKey,
    );
    expect(byName("webinar.changed")).toEqual(
      expect.arrayContaining([expect.objectContaining({ webinarKey: created.webinarKey, status: "DELETED" })]),
    );
    expect(byName("survey.submitted")[0]).toMatchObject({
      webinarKey,
      registrantKey,
      surveyName: "Feedback",
      responses: [{ question: "Useful?", answers: ["5"] }],
    });
    for (const event of parsed) expect(event.eventKey).not.toBe("");
  });
});
