import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { deliverEndpoint, fanOutChangeEvents, isPublicAddress, sendWebhook } from "@gw/domain/outbound";
import { recordActivities } from "@gw/domain/scoring";
import { createConnector, createProspect, createWebinar, useWebhookReceiver } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { asUser, useTestApi } from "./helpers";

const api = useTestApi("endpoints", { OUTBOUND_ALLOW_PRIVATE_URLS: "true" });
const strict = useTestApi("ssrf");
const admin = useUser(api);
const strictAdmin = useUser(strict);
let secret = "";
const receiver = useWebhookReceiver(() => secret);

const policy = { allowPrivateUrls: false, timeoutMs: 2_000, maxResponseBytes: 1_024 };
const points = { REGISTERED: 0, ACCEPTED: 0, ATTENDED: 0, CANCELLED: 0 } as never;

describe("outbound endpoints: refusing private addresses (SSRF)", () => {
  it("refuses to add an endpoint at a loopback, private, link-local or mapped address", async () => {
    for (const url of [
      "http://127.0.0.1/hook",
      "http://localhost:8080/hook",
      "http://10.1.2.3/hook",
      "http://192.168.0.10/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/hook",
      "http://[fe80::1]/hook",
      "http://[fd00::1]/hook",
      "http://[::ffff:10.0.0.1]/hook",
      "http://[::ffff:7f00:1]/hook",
      "http://0.0.0.0/hook",
      "http://100.64.0.1/hook",
    ]) {
      const res = await asUser(strict, strictAdmin).post("/api/endpoints", { url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(/private, loopback or link-local/);
    }
    const bad = await asUser(strict, strictAdmin).post("/api/endpoints", { url: "ftp://example.com" });
    expect(bad.statusCode).toBe(400);
  });

  it("classifies addresses: public unicast only", () => {
    for (const address of ["8.8.8.8", "2606:4700:4700::1111", "93.184.216.34"])
      expect(isPublicAddress(address), address).toBe(true);
    for (const address of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "169.254.1.1",
      "::1",
      "fe80::1",
      "fc00::1",
      "::ffff:192.168.1.1",
      "::",
      "224.0.0.1",
      "64:ff9b::a00:1",
    ])
      expect(isPublicAddress(address), address).toBe(false);
  });

  it("refuses at connect time a name that resolves to loopback (the address actually connected to is checked)", async () => {
    const server = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    let hits = 0;
    server.on("request", () => hits++);
    try {
      for (const url of [
        `http://localhost:${port}/`,
        `http://127.0.0.1:${port}/`,
        `http://[::ffff:127.0.0.1]:${port}/`,
      ]) {
        const result = await sendWebhook({
          url,
          secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
          eventId: "evt_1",
          body: "{}",
          policy,
        });
        expect(result.ok, url).toBe(false);
        expect(result.error, url).toMatch(/private, loopback or link-local/);
      }
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it("bounds a delivery's time and the answer it reads", async () => {
    const server = createServer((req, res) => {
      if (req.url === "/slow") return; // never answers
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("x".repeat(5_000_000));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const open = { ...policy, allowPrivateUrls: true, timeoutMs: 300 };
    try {
      const slow = await sendWebhook({
        url: `${base}/slow`,
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        eventId: "evt_2",
        body: "{}",
        policy: open,
      });
      expect(slow).toMatchObject({ ok: false, statusCode: null });
      expect(slow.error).toMatch(/within 300 ms/);
      const big = await sendWebhook({
        url: `${base}/big`,
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        eventId: "evt_3",
        body: "{}",
        policy: { ...open, timeoutMs: 5_000 },
      });
      expect(big).toMatchObject({ ok: true, statusCode: 200 });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("outbound endpoints: API, delivery log and replay", () => {
  it("adds an endpoint with a whsec_ secret kept encrypted, lists it, and only admins manage it", async () => {
    const res = await asUser(api, admin).post("/api/endpoints", {
      url: receiver.url,
      description: "CRM",
      eventTypes: ["participation.registered", "participation.attended"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const row = await api.deps.db.outboundEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretEnc).not.toContain(created.secret.slice(6));
    const secretRes = await asUser(api, admin).get(`/api/endpoints/${created.id}/secret`);
    expect(secretRes.json().secret).toBe(created.secret);
    const list = await asUser(api, admin).get("/api/endpoints");
    expect(list.json().items.map((e: { id: string }) => e.id)).toContain(created.id);
    expect(list.body).not.toContain(created.secret);
    const marketer = await createUserAndLogin(api, { accountId: admin.accountId, role: "MARKETER" });
    const denied = await asUser(api, marketer).post("/api/endpoints", { url: receiver.url });
    expect(denied.statusCode).toBe(403);
    const unknownType = await asUser(api, admin).post("/api/endpoints", { url: receiver.url, eventTypes: ["nope"] });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().message).toContain('"nope"');
  });

  it("rotates the secret (the old one no longer verifies) and sends a signed test event; both admins only, account-scoped", async () => {
    const created = (
      await asUser(api, admin).post("/api/endpoints", { url: receiver.url, eventTypes: ["participation.registered"] })
    ).json();
    secret = created.secret;
    const test = await asUser(api, admin).post(`/api/endpoints/${created.id}/test`);
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toMatchObject({ ok: true, statusCode: 204, error: null });
    const arrived = receiver.received.find((e) => e.id === test.json().eventId);
    expect(arrived?.type).toBe("endpoint.test");
    // Not an event of the account: nothing joins the delivery log.
    expect(await api.deps.db.outboundDelivery.count({ where: { endpointId: created.id } })).toBe(0);

    const rotated = await asUser(api, admin).post(`/api/endpoints/${created.id}/rotate-secret`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(created.secret);
    const rejected = receiver.rejected;
    const stale = await asUser(api, admin).post(`/api/endpoints/${created.id}/test`);
    expect(stale.json()).toMatchObject({ ok: false, statusCode: 401 });
    expect(receiver.rejected).toBe(rejected + 1);
    secret = rotated.json().secret;
    const fresh = await asUser(api, admin).post(`/api/endpoints/${created.id}/test`);
    expect(fresh.json().ok).toBe(true);

    const marketer = await createUserAndLogin(api, { accountId: admin.accountId, role: "MARKETER" });
    const other = await createUserAndLogin(api);
    for (const path of ["rotate-secret", "test"]) {
      const denied = await asUser(api, marketer).post(`/api/endpoints/${created.id}/${path}`);
      expect(denied.statusCode).toBe(403);
      const foreign = await asUser(api, other).post(`/api/endpoints/${created.id}/${path}`);
      expect(foreign.statusCode).toBe(404);
    }
  });

  it("logs each delivery (status, response code, latency, attempts) and replays one or all failed ones", async () => {
    const res = await asUser(api, admin).post("/api/endpoints", { url: receiver.url });
    const endpoint = res.json();
    secret = endpoint.secret;
    const connector = await createConnector(api.deps.db, { accountId: admin.accountId });
    const webinar = await createWebinar(api.deps.db, { accountId: admin.accountId, connectorId: connector.id });
    for (let i = 0; i < 3; i++) {
      const prospect = await createProspect(api.deps.db, { accountId: admin.accountId });
      await recordActivities({
        db: api.deps.db,
        accountId: admin.accountId,
        points,
        activities: [{ prospectId: prospect.id, webinarId: webinar.id, type: "REGISTERED", occurredAt: new Date() }],
      });
    }
    // The worker's two steps, run here: fan out, then deliver, with a receiver that is down.
    for (;;) if (!(await fanOutChangeEvents({ db: api.deps.db, giveUpAfterMs: 0 })).hasMore) break;
    receiver.failAll(true);
    const deliver = () =>
      deliverEndpoint({
        db: api.deps.db,
        secretBox: api.deps.secretBox,
        endpointId: endpoint.id,
        policy: { ...policy, allowPrivateUrls: true },
        backoff: { baseMs: 10, maxMs: 10 },
        disableAfterMs: 86_400_000,
      });
    const failedRun = await deliver();
    expect(failedRun.failed).toBe(3); // a zero retry window: each gives up at its first failure
    const log = await asUser(api, admin).get(`/api/endpoints/${endpoint.id}/deliveries?status=FAILED`);
    expect(log.statusCode, log.body).toBe(200);
    const items = log.json().items;
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ status: "FAILED", attempts: 1, lastStatusCode: 500 });
    expect(items[0].lastLatencyMs).toEqual(expect.any(Number));
    expect(items[0].lastError).toContain("HTTP 500");

    receiver.failAll(false);
    const start = receiver.received.length;
    const one = await asUser(api, admin).post(`/api/endpoints/${endpoint.id}/deliveries/${items[2].id}/replay`);
    expect(one.json()).toEqual({ replayed: 1 });
    await deliver();
    expect(receiver.received.slice(start).map((e) => e.id)).toEqual([items[2].eventId]);
    const all = await asUser(api, admin).post(`/api/endpoints/${endpoint.id}/deliveries/replay-failed`);
    expect(all.json()).toEqual({ replayed: 2 });
    await deliver();
    // The same event ids as the first attempts, oldest first.
    expect(receiver.received.slice(start + 1).map((e) => e.id)).toEqual([items[1].eventId, items[0].eventId]);
    const missing = await asUser(api, admin).post(`/api/endpoints/${endpoint.id}/deliveries/999999/replay`);
    expect(missing.statusCode).toBe(404);
  });
});
