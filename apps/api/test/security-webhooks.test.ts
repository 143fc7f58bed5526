import { randomUUID } from "node:crypto";
import { createAccount, createConnector, gotoKey } from "@gw/testing";
import { signWebhook } from "@gw/webhook-signature";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAndLogin, type LoggedInUser } from "./auth-helpers";
import { createTestApi, type TestApi } from "./helpers";

const SECRET = "test-webhook-secret-value";
const PER_MINUTE = 5;
const STORED_PER_HOUR = 3;
let api: TestApi;
let accountId: string;
let admin: LoggedInUser;
beforeAll(async () => {
  api = await createTestApi("security_webhooks", {
    WEBHOOK_REJECTED_PER_MINUTE: String(PER_MINUTE),
    WEBHOOK_REJECTED_STORED_PER_HOUR: String(STORED_PER_HOUR),
  });
  accountId = (await createAccount(api.deps.db)).id;
  admin = await createUserAndLogin(api, { accountId });
});
afterAll(async () => api?.close());

const newConnector = async () =>
  (
    await createConnector(api.deps.db, {
      accountId,
      status: "VERIFIED",
      webhookSecretEnc: api.deps.secretBox.encrypt(SECRET),
    })
  ).id;

const event = () =>
  `{"eventName":"registrant.added","eventKey":"${randomUUID()}","email":"ada@example.com","webinarKey":${gotoKey()},"registrantKey":${gotoKey()},"timestamp":"${new Date().toISOString()}"}`;

function deliver(connectorId: string, body: string, options: { ip: string; secret?: string }) {
  return api.app.inject({
    method: "POST",
    url: `/webhooks/goto/${connectorId}`,
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": options.ip,
      ...signWebhook({ scheme: "hmac-sha256-timestamp", secret: options.secret ?? SECRET, body }),
    },
    payload: body,
  });
}
const rejectedRows = (connectorId: string) =>
  api.deps.db.webhookEvent.count({ where: { connectorId, status: "REJECTED" } });

describe("webhook receiver abuse", () => {
  it("rate limits an address sending forgeries, stores only the hourly cap, and still hears GoTo", async () => {
    const connectorId = await newConnector();
    const ip = "198.51.100.20";
    for (let i = 0; i < PER_MINUTE; i++)
      expect((await deliver(connectorId, event(), { ip, secret: "forged" })).statusCode, `forgery ${i + 1}`).toBe(401);
    const limited = await deliver(connectorId, event(), { ip, secret: "forged" });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json().message).toMatch(/Too many refused webhook deliveries/);
    // that address is turned away before any work, even with a good signature
    expect((await deliver(connectorId, event(), { ip })).statusCode).toBe(429);
    // GoTo, from its own address, is heard: valid deliveries are never counted
    const real = await deliver(connectorId, event(), { ip: "192.0.2.1" });
    expect(real.statusCode).toBe(200);
    expect(real.json().status).toBe("accepted");

    expect(await rejectedRows(connectorId)).toBe(STORED_PER_HOUR);
    const view = await api.app.inject({
      method: "GET",
      url: `/api/connectors/${connectorId}/webhooks`,
      headers: { cookie: admin.headers.cookie },
    });
    expect(view.statusCode).toBe(200);
    expect(view.json().rejectedNotStored).toBe(PER_MINUTE + 1 - STORED_PER_HOUR);
    expect(view.json().last24h.REJECTED).toBe(STORED_PER_HOUR);
  });

  it("rate limits forgeries against one connector from many addresses", async () => {
    const connectorId = await newConnector();
    for (let i = 0; i < PER_MINUTE; i++)
      expect((await deliver(connectorId, event(), { ip: `203.0.113.${i + 1}`, secret: "forged" })).statusCode).toBe(
        401,
      );
    expect((await deliver(connectorId, event(), { ip: "203.0.113.99", secret: "forged" })).statusCode).toBe(429);
    expect((await deliver(connectorId, event(), { ip: "203.0.113.100" })).statusCode).toBe(200);
    expect(await rejectedRows(connectorId)).toBe(STORED_PER_HOUR);
  });

  it("rate limits an address probing connector ids", async () => {
    const ip = "198.51.100.30";
    for (let i = 0; i < PER_MINUTE; i++) expect((await deliver(randomUUID(), event(), { ip })).statusCode).toBe(404);
    expect((await deliver(randomUUID(), event(), { ip })).statusCode).toBe(429);
  });

  it("answers 400, never 500, to a signed body nested too deeply, and records why", async () => {
    const connectorId = await newConnector();
    for (const depth of [33, 10_000, 100_000]) {
      const body = `{"eventName":"registrant.added","eventKey":"${randomUUID()}","x":${"[".repeat(depth)}${"]".repeat(depth)}}`;
      const res = await deliver(connectorId, body, { ip: `192.0.2.${depth % 200}` });
      expect(res.statusCode, `depth ${depth}`).toBe(400);
      expect(res.json().message).toMatch(/nests arrays and objects more than 32 levels/);
    }
    const rows = await api.deps.db.webhookEvent.findMany({ where: { connectorId, status: "REJECTED" } });
    expect(rows.map((r) => r.reason)).toEqual(Array(STORED_PER_HOUR).fill("body is nested too deeply"));
    // 31 levels inside the event object is still an event
    const deep = `{"eventName":"webinar.changed","eventKey":"${randomUUID()}","x":${"[".repeat(30)}${"]".repeat(30)}}`;
    expect((await deliver(connectorId, deep, { ip: "192.0.2.77" })).statusCode).toBe(200);
  });
});
