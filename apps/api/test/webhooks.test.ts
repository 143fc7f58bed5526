import { randomUUID } from "node:crypto";
import { listenForNotifications } from "@gw/db";
import { WEBHOOK_EVENTS_CHANNEL } from "@gw/domain/webhook-events";
import { createAccount, createConnector, gotoKey, waitUntil } from "@gw/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiWithoutRedis, useTestApi } from "./helpers";
import { deliverSigned } from "./webhook-delivery";

const SECRET = "test-webhook-secret-value";
let accountId: string;
let connectorId: string;

const api = useTestApi("webhooks_receiver");
beforeAll(async () => {
  accountId = (await createAccount(api.deps.db)).id;
  connectorId = (
    await createConnector(api.deps.db, {
      accountId,
      status: "VERIFIED",
      webhookSecretEnc: api.deps.secretBox.encrypt(SECRET),
    })
  ).id;
});

/** A registrant.added body as GoTo sends it: keys as bare 19-digit JSON numbers. */
function registrantAdded(overrides: { eventKey?: string; webinarKey?: string; registrantKey?: string } = {}) {
  const webinarKey = overrides.webinarKey ?? gotoKey();
  const registrantKey = overrides.registrantKey ?? gotoKey();
  return `{"eventName":"registrant.added","eventVersion":"1.0.0","product":"g2w","eventKey":"${overrides.eventKey ?? randomUUID()}","firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","status":"APPROVED","webinarKey":${webinarKey},"registrantKey":${registrantKey},"responses":[],"timestamp":"${new Date().toISOString()}"}`;
}

function deliver(
  body: string,
  options: { secret?: string; timestamp?: number; headers?: Record<string, string>; connector?: string } = {},
) {
  return deliverSigned(api.app, {
    connectorId: options.connector ?? connectorId,
    secret: options.secret ?? SECRET,
    body,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

const eventsOf = (where: object = {}) =>
  api.deps.db.webhookEvent.findMany({ where: { connectorId, ...where }, orderBy: { receivedAt: "asc" } });

describe("GoTo webhook receiver", () => {
  it("answers GoTo's GET check of the callback URL with 200", async () => {
    const res = await api.app.inject({ method: "GET", url: `/webhooks/goto/${connectorId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it("stores a signed delivery once, keys exact, and notifies the worker's consumer with its connector, queuing nothing", async () => {
    const heard: string[] = [];
    let listening!: () => void;
    const ready = new Promise<void>((resolve) => {
      listening = resolve;
    });
    const listener = listenForNotifications({
      databaseUrl: api.database.url,
      channel: WEBHOOK_EVENTS_CHANNEL,
      onNotification: (payload) => heard.push(payload ?? ""),
      onListening: () => listening(),
    });
    try {
      await ready;
      const webinarKey = "9223372036854775701";
      const eventKey = randomUUID();
      const res = await deliver(registrantAdded({ eventKey, webinarKey }));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.status).toBe("accepted");
      const stored = await api.deps.db.webhookEvent.findUniqueOrThrow({ where: { id: body.eventId } });
      expect(stored).toMatchObject({
        status: "RECEIVED",
        accountId,
        connectorId,
        eventName: "registrant.added",
        eventKey: `${connectorId}:${eventKey}`,
      });
      expect((stored.payload as { webinarKey: string }).webinarKey).toBe(webinarKey);
      await waitUntil("the notification", async () => heard.includes(connectorId), { timeoutMs: 5_000, everyMs: 10 });
      expect(await api.deps.queues.webhooks.getJob(`webhook-${body.eventId}`)).toBeUndefined();
    } finally {
      await listener.close();
    }
  });

  it("stores concurrent deliveries together, each once, even the same event sent twice at once", async () => {
    const bodies = Array.from({ length: 40 }, () => registrantAdded());
    const twice = bodies[3] as string;
    const answers = await Promise.all([...bodies, twice].map((body) => deliver(body)));
    expect(answers.every((res) => res.statusCode === 200)).toBe(true);
    const outcomes = answers.map((res) => res.json() as { status: string; eventId: string });
    expect(outcomes.filter((o) => o.status === "accepted")).toHaveLength(40);
    // Whichever copy of the repeated event was stored first, the other is its duplicate.
    const copies = [outcomes[3], outcomes[40]];
    expect(copies.map((o) => o?.status).sort()).toEqual(["accepted", "duplicate"]);
    expect(copies[0]?.eventId).toBe(copies[1]?.eventId);
    const keys = bodies.map((body) => `${connectorId}:${JSON.parse(body).eventKey}`);
    const stored = await api.deps.db.webhookEvent.findMany({ where: { eventKey: { in: keys } } });
    expect(stored).toHaveLength(40);
    expect(new Set(stored.map((e) => e.id))).toEqual(new Set(outcomes.map((o) => o.eventId)));
  });

  it("answers 200 to the same event delivered again but stores it only once", async () => {
    const body = registrantAdded();
    const first = await deliver(body);
    const again = await deliver(body);
    expect(first.json().status).toBe("accepted");
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ status: "duplicate", eventId: first.json().eventId });
    const key = JSON.parse(body).eventKey;
    expect(await eventsOf({ eventKey: `${connectorId}:${key}` })).toHaveLength(1);
  });

  it("refuses a forged delivery with 401, records it as REJECTED without its key, and still takes the real event", async () => {
    const body = registrantAdded();
    const forged = await deliver(body, { secret: "not-the-secret" });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().message).toMatch(/signature does not match/);
    const rejected = (await eventsOf({ status: "REJECTED" })).at(-1);
    expect(rejected).toMatchObject({
      eventKey: null,
      eventName: "registrant.added",
      reason: expect.stringMatching(/signature does not match/),
    });

    const genuine = await deliver(body);
    expect(genuine.statusCode).toBe(200);
    expect(genuine.json().status).toBe("accepted");
  });

  it("refuses a stale or replayed delivery whose signed timestamp is outside the window", async () => {
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const res = await deliver(registrantAdded(), { timestamp: tenMinutesAgo });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/outside the allowed window/);
    expect((await eventsOf({ status: "REJECTED" })).at(-1)?.reason).toMatch(/stale or replayed/);
  });

  it("refuses a delivery without a signature", async () => {
    const res = await api.app.inject({
      method: "POST",
      url: `/webhooks/goto/${connectorId}`,
      headers: { "content-type": "application/json" },
      payload: registrantAdded(),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/signature header is missing/);
  });

  it("answers 400 naming the body when a signed delivery is not JSON", async () => {
    const res = await deliver("this is not json");
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: "body", message: expect.stringMatching(/JSON/) }]);
  });

  it("refuses a body that is too large before reading it", async () => {
    const huge = registrantAdded().replace('"responses":[]', `"responses":[],"padding":"${"x".repeat(300 * 1024)}"`);
    const res = await deliver(huge);
    expect(res.statusCode).toBe(413);
  });

  it("answers 404 for a connector that does not exist (and stores nothing)", async () => {
    const before = await api.deps.db.webhookEvent.count();
    expect((await deliver(registrantAdded(), { connector: randomUUID() })).statusCode).toBe(404);
    expect((await deliver(registrantAdded(), { connector: "not-a-uuid" })).statusCode).toBe(404);
    expect(await api.deps.db.webhookEvent.count()).toBe(before);
  });

  it("keeps an event it does not handle as IGNORED and answers 200 so GoTo does not retry", async () => {
    const body = JSON.stringify({ eventName: "webinar.teleported", eventKey: randomUUID(), webinarKey: 1 });
    const res = await deliver(body);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("ignored");
    const stored = await api.deps.db.webhookEvent.findUniqueOrThrow({ where: { id: res.json().eventId } });
    expect(stored).toMatchObject({ status: "IGNORED", reason: expect.stringMatching(/not one this service handles/) });
  });

  it("still answers 200 at once when Redis is down, keeping the event RECEIVED for the worker's consumer", async () => {
    const cut = await createApiWithoutRedis(api);
    try {
      const body = registrantAdded();
      const started = Date.now();
      const res = await deliverSigned(cut.app, { connectorId, secret: SECRET, body });
      expect(res.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(res.json().status).toBe("accepted");
      expect(await api.deps.db.webhookEvent.findUnique({ where: { id: res.json().eventId } })).toMatchObject({
        status: "RECEIVED",
      });
    } finally {
      await cut.close();
    }
  });
});
