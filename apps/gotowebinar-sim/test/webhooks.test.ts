import { verifyWebhook } from "@gw/webhook-signature";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseLossless } from "../src/json/lossless";
import { HOUR, iso, type Receiver, startReceiver, startTestSim } from "./helpers";

const sim = await startTestSim({ webhookRetryDelaysMs: [50, 50], accessTokenTtlSeconds: 365 * 24 * 3600 });
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const EVENTS = ["registrant.added", "registrant.joined", "webinar.created", "webinar.changed", "survey.submitted"];
let secret = "";

/** Secret key, one webhook per event, activated, and a subscription for the default organizer. */
async function subscribeAll(): Promise<string[]> {
  secret = (await sim.api("/webhooks/secretkey", { method: "POST", body: {} })).json.value;
  const created = await sim.api("/webhooks", {
    method: "POST",
    body: EVENTS.map((eventName) => ({ callbackUrl: receiver.url, eventName, eventVersion: "1.0.0", product: "g2w" })),
  });
  const keys: string[] = created.json._embedded.webhooks.map((w: { webhookKey: string }) => w.webhookKey);
  await sim.api("/webhooks", { method: "PUT", body: keys.map((webhookKey) => ({ webhookKey, state: "ACTIVE" })) });
  await sim.api("/userSubscriptions", {
    method: "POST",
    body: keys.map((webhookKey) => ({ webhookKey, userSubscriptionState: "ACTIVE" })),
  });
  return keys;
}

function eventsNamed(name: string) {
  return receiver.posts().filter((p) => (JSON.parse(p.body) as { eventName: string }).eventName === name);
}

beforeEach(async () => {
  await sim.control.reset(11);
  await sim.newToken();
  receiver.received.length = 0;
  receiver.getStatus = 200;
});

describe("webhook management", () => {
  it("creates a secret key, and webhooks INACTIVE after a GET probe of the callback", async () => {
    const key = await sim.api("/webhooks/secretkey", { method: "POST", body: { validFrom: "2020-01-01T00:00:00Z" } });
    expect(key.status).toBe(200);
    expect(key.json).toMatchObject({ id: 1, validFrom: "2020-01-01T00:00:00.000Z" });
    expect(typeof key.json.value).toBe("string");
    const created = await sim.api("/webhooks", {
      method: "POST",
      body: [{ callbackUrl: receiver.url, eventName: "registrant.added", eventVersion: "1.0.0", product: "g2w" }],
    });
    expect(created.status).toBe(200);
    const [webhook] = created.json._embedded.webhooks;
    expect(webhook).toMatchObject({
      callbackUrl: receiver.url,
      eventName: "registrant.added",
      state: "INACTIVE",
      product: "g2w",
    });
    expect(webhook.webhookKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(receiver.received.filter((r) => r.method === "GET")).toHaveLength(1);
    const got = await sim.api(`/webhooks/${webhook.webhookKey}`);
    expect(got.json.state).toBe("INACTIVE");
  });

  it("refuses a callback that does not answer 200 to GET, and unknown events", async () => {
    receiver.getStatus = 404;
    const res = await sim.api("/webhooks", {
      method: "POST",
      body: [{ callbackUrl: receiver.url, eventName: "registrant.added", eventVersion: "1.0.0", product: "g2w" }],
    });
    expect(res.status).toBe(400);
    expect(res.json.errorCode).toBe("InvalidCallbackUrl");
    receiver.getStatus = 200;
    const bad = await sim.api("/webhooks", {
      method: "POST",
      body: [{ callbackUrl: receiver.url, eventName: "session.ended", eventVersion: "1.0.0", product: "g2w" }],
    });
    expect(bad.status).toBe(400);
  });

  it("lists by product (or productType), activates with PUT, and deleting a webhook deletes its subscriptions", async () => {
    const keys = await subscribeAll();
    expect((await sim.api("/webhooks")).status).toBe(400);
    const list = await sim.api("/webhooks?product=g2w");
    expect(list.json._embedded.webhooks).toHaveLength(5);
    expect(list.json._embedded.webhooks.every((w: { state: string }) => w.state === "ACTIVE")).toBe(true);
    expect((await sim.api("/webhooks?productType=g2w")).json._embedded.webhooks).toHaveLength(5);
    const subs = await sim.api("/userSubscriptions?product=g2w");
    expect(subs.json._embedded.userSubscriptions).toHaveLength(5);
    const [sub] = subs.json._embedded.userSubscriptions;
    expect(sub).toMatchObject({
      userSubscriptionState: "ACTIVE",
      activationState: "ACTIVE",
      product: "g2w",
      eventVersion: "1.0.0",
    });
    expect((await sim.api(`/userSubscriptions/${sub.userSubscriptionKey}`)).json.webhookKey).toBe(sub.webhookKey);
    const put = await sim.api("/userSubscriptions", {
      method: "PUT",
      body: [
        { webhookKey: sub.webhookKey, userSubscriptionKey: sub.userSubscriptionKey, userSubscriptionState: "INACTIVE" },
      ],
    });
    expect(put.status).toBe(204);
    expect((await sim.api(`/userSubscriptions/${sub.userSubscriptionKey}`)).json.activationState).toBe("INACTIVE");

    const del = await sim.api("/webhooks", { method: "DELETE", body: [keys[0]] });
    expect(del.status).toBe(202);
    expect((await sim.api(`/webhooks/${keys[0]}`)).status).toBe(404);
    expect((await sim.api("/userSubscriptions")).json._embedded.userSubscriptions).toHaveLength(4);
    const delSubs = await sim.api("/userSubscriptions", { method: "DELETE", body: [sub.userSubscriptionKey] });
    expect(delSubs.status).toBe(202);
  });

  it("delivers nothing while the webhook is INACTIVE", async () => {
    secret = (await sim.api("/webhooks/secretkey", { method: "POST", body: {} })).json.value;
    const created = await sim.api("/webhooks", {
      method: "POST",
      body: [{ callbackUrl: receiver.url, eventName: "webinar.created", eventVersion: "1.0.0", product: "g2w" }],
    });
    await sim.api("/userSubscriptions", {
      method: "POST",
      body: [{ webhookKey: created.json._embedded.webhooks[0].webhookKey }],
    });
    await sim.control.scenario({ fireWebhooks: true, webinars: [{ startsInMinutes: 60 }] });
    await sim.control.webhooksIdle();
    expect(receiver.posts()).toHaveLength(0);
  });
});

describe("webhook delivery", () => {
  it("delivers every event type, signed, with keys as bare JSON numbers", async () => {
    await subscribeAll();
    const now = Math.ceil(Date.now() / 60_000) * 60_000;
    const created = await sim.api(`/organizers/${sim.organizerKey}/webinars`, {
      method: "POST",
      body: { subject: "Hooked", times: [{ startTime: iso(now + HOUR), endTime: iso(now + 2 * HOUR) }] },
    });
    const webinarKey = created.json.webinarKey as string;
    const viaApi = await sim.api(`/organizers/${sim.organizerKey}/webinars/${webinarKey}/registrants`, {
      method: "POST",
      body: { firstName: "Api", lastName: "Person", email: "api@example.com", organization: "Acme" },
    });
    const viaPage = await sim.control.register(webinarKey, {
      firstName: "Page",
      lastName: "Person",
      email: "page@example.com",
    });
    await sim.api(`/organizers/${sim.organizerKey}/webinars/${webinarKey}`, {
      method: "PUT",
      body: { subject: "Hooked!" },
    });
    const joined = await sim.control.join(webinarKey, viaPage.registrantKey, { joinTime: iso(now + HOUR + 60_000) });
    await sim.control.submitSurvey(webinarKey, { registrantKey: viaPage.registrantKey, sessionKey: joined.sessionKey });
    await sim.control.cancelWebinar(webinarKey);
    const deliveries = await sim.control.webhooksIdle();
    expect(deliveries.every((d) => d.state === "delivered" && d.signed)).toBe(true);

    const posts = receiver.posts();
    expect(posts).toHaveLength(7);
    for (const post of posts) {
      expect(post.headers["content-type"]).toBe("application/json");
      const verdict = verifyWebhook({
        scheme: "hmac-sha256-timestamp",
        secrets: [secret],
        body: post.body,
        headers: post.headers,
      });
      expect(verdict).toEqual({ ok: true });
      expect(post.body).toContain(`"webinarKey":${webinarKey}`);
      const event = parseLossless(post.body) as Record<string, unknown>;
      expect(event).toMatchObject({ eventVersion: "1.0.0", product: "g2w" });
      expect(event.eventKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof event.timestamp).toBe("string");
    }

    const [webinarCreated] = eventsNamed("webinar.created").map(
      (p) => parseLossless(p.body) as Record<string, unknown>,
    );
    expect(webinarCreated).toMatchObject({
      webinarKey,
      webinarTitle: "Hooked",
      status: "NEW",
      recurrenceType: "single_session",
    });
    expect(eventsNamed("webinar.created")[0]?.body).toContain(`"organizerKey":${sim.organizerKey}`);

    const added = eventsNamed("registrant.added").map((p) => parseLossless(p.body) as Record<string, unknown>);
    expect(added.map((e) => e.email)).toEqual(["api@example.com", "page@example.com"]);
    expect(added[0]).toMatchObject({
      registrantKey: viaApi.json.registrantKey,
      status: "APPROVED",
      organization: "Acme",
      webinarCreatorKey: sim.organizerKey,
      experienceType: "CLASSIC",
    });
    expect(eventsNamed("registrant.added")[0]?.body).toContain(`"registrantKey":${viaApi.json.registrantKey}`);

    const changed = eventsNamed("webinar.changed").map((p) => parseLossless(p.body) as Record<string, unknown>);
    expect(changed.map((e) => e.status)).toEqual(["UPDATED", "DELETED"]);

    const [join] = eventsNamed("registrant.joined").map((p) => parseLossless(p.body) as Record<string, unknown>);
    expect(join).toMatchObject({
      registrantKey: viaPage.registrantKey,
      sessionKey: joined.sessionKey,
      joinTime: now + HOUR + 60_000,
    });
    expect(eventsNamed("registrant.joined")[0]?.body).toContain(`"joinTime":${now + HOUR + 60_000}`);

    const [survey] = eventsNamed("survey.submitted").map((p) => parseLossless(p.body) as Record<string, unknown>);
    expect(survey).toMatchObject({ registrantKey: viaPage.registrantKey, sessionKey: joined.sessionKey });
    expect(survey?.responses).toEqual([
      { question: "How would you rate this webinar?", questionType: "RATING", answers: ["5"] },
    ]);
  });

  it("signs with the plain hmac-sha256 scheme when configured", async () => {
    await sim.control.updateSettings({ signatureScheme: "hmac-sha256" });
    await subscribeAll();
    await sim.control.scenario({ fireWebhooks: true, webinars: [{ startsInMinutes: 60 }] });
    await sim.control.webhooksIdle();
    const [post] = receiver.posts();
    expect(post?.headers["x-webhook-signature-timestamp"]).toBeUndefined();
    expect(
      verifyWebhook({ scheme: "hmac-sha256", secrets: [secret], body: post?.body ?? "", headers: post?.headers ?? {} }),
    ).toEqual({
      ok: true,
    });
  });

  it("retries non-2xx answers and records every attempt", async () => {
    await subscribeAll();
    receiver.failNextPosts(500, 503);
    await sim.control.scenario({ fireWebhooks: true, webinars: [{ startsInMinutes: 60 }] });
    const [delivery] = await sim.control.webhooksIdle();
    expect(delivery?.state).toBe("delivered");
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(receiver.posts()).toHaveLength(3);
  });

  it("gives up after the configured retries", async () => {
    await subscribeAll();
    receiver.failNextPosts(500, 500, 500);
    await sim.control.scenario({ fireWebhooks: true, webinars: [{ startsInMinutes: 60 }] });
    const [delivery] = await sim.control.webhooksIdle();
    expect(delivery?.state).toBe("failed");
    expect(delivery?.attempts).toHaveLength(3);
  });

  it("can deliver every event twice with the same eventKey", async () => {
    await sim.control.updateSettings({ duplicateWebhookDeliveries: true });
    await subscribeAll();
    await sim.control.scenario({ fireWebhooks: true, webinars: [{ startsInMinutes: 60 }] });
    await sim.control.webhooksIdle();
    const posts = receiver.posts();
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body).toBe(posts[1]?.body);
  });

  it("delivers only to subscriptions of the event's organizer", async () => {
    await subscribeAll();
    const other = await sim.control.createOrganizer({ email: "x@example.com", firstName: "X", lastName: "Y" });
    await sim.control.scenario({
      organizerKey: other.organizerKey,
      fireWebhooks: true,
      webinars: [{ startsInMinutes: 60 }],
    });
    await sim.control.webhooksIdle();
    expect(receiver.posts()).toHaveLength(0);
  });
});
