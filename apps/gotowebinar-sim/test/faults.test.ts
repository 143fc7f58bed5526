import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { REST, request, startTestSim } from "./helpers";

const sim = await startTestSim();
afterAll(() => sim.close());
beforeEach(async () => {
  await sim.control.reset(9);
  await sim.newToken();
});

const listPath = () =>
  `/organizers/${sim.organizerKey}/webinars?fromTime=2000-01-01T00:00:00Z&toTime=2100-01-01T00:00:00Z`;

describe("rate limit", () => {
  it("answers 429 beyond 10 requests per second per client, without Retry-After", async () => {
    await sim.control.updateSettings({ rateLimitPerSecond: 10 });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 30 }, () => sim.api(listPath())));
    const seconds = (performance.now() - started) / 1000;
    const limited = results.filter((r) => r.status === 429);
    // A bucket of 10 that refills at 10/s: at most 10 + 10 per elapsed second get through.
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(10 + Math.ceil(seconds * 10));
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.json).toEqual({ errorCode: "TooManyRequests" });
    expect(limited[0]?.headers.get("retry-after")).toBeNull();
    expect((await sim.control.stats()).rateLimited).toBe(limited.length);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await sim.api(listPath())).status).toBe(200);
  });

  it("keeps one bucket per OAuth client", async () => {
    await sim.control.updateSettings({ rateLimitPerSecond: 3 });
    await sim.control.createClient({ clientId: "other", clientSecret: "s" });
    const other = await sim.control.issueToken({ clientId: "other" });
    await Promise.all(Array.from({ length: 5 }, () => sim.api(listPath())));
    expect((await sim.api(listPath(), { token: other.access_token })).status).toBe(200);
  });
});

describe("fault injection", () => {
  it("429 with Retry-After, then normal again once spent", async () => {
    await sim.control.addFault({ path: "/webinars", type: "429", count: 2, retryAfterSeconds: 7 });
    const a = await sim.api(listPath());
    const b = await sim.api(listPath());
    expect([a.status, b.status]).toEqual([429, 429]);
    expect(a.headers.get("retry-after")).toBe("7");
    expect((await sim.api(listPath())).status).toBe(200);
  });

  it("500 and 503, matched by method and by regular expression", async () => {
    await sim.control.addFault({ method: "POST", path: "/webinars", type: "500" });
    await sim.control.addFault({ path: "^/G2W/rest/v2/organizers/\\d+/webinars$", type: "503" });
    const get = await sim.api(listPath());
    expect(get.status).toBe(503);
    expect(get.json.errorCode).toBe("ServiceUnavailable");
    const post = await sim.api(`/organizers/${sim.organizerKey}/webinars`, { method: "POST", body: {} });
    expect(post.status).toBe(500);
    expect(post.json.errorCode).toBe("InternalServerError");
  });

  it("slow delays the answer", async () => {
    await sim.control.addFault({ path: "/webinars", type: "slow", delayMs: 400 });
    const started = Date.now();
    const res = await sim.api(listPath());
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("drop cuts the connection without a response", async () => {
    await sim.control.addFault({ path: "/webinars", type: "drop" });
    await expect(sim.api(listPath())).rejects.toThrow();
    expect((await sim.api(listPath())).status).toBe(200);
    const log = await sim.control.requests();
    expect(log.some((e) => e.status === 0 && e.fault === "drop")).toBe(true);
  });

  it("invalid-token answers like an expired token, also on the token endpoint and identity host", async () => {
    await sim.control.addFault({ path: "/webinars", type: "invalid-token" });
    const res = await sim.api(listPath());
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ int_err_code: "InvalidToken", msg: "Invalid token passed" });
    await sim.control.addFault({ path: "/identity/", type: "invalid-token" });
    const me = await request(`${sim.url}/identity/v1/Users/me`, { token: sim.token });
    expect(me.status).toBe(401);
  });

  it("can be cleared", async () => {
    await sim.control.addFault({ path: "/", type: "500", count: 100 });
    await sim.control.clearFaults();
    expect((await sim.api(listPath())).status).toBe(200);
  });

  it("refuses an unknown fault type", async () => {
    await expect(sim.control.addFault({ path: "/", type: "teapot" as "500" })).rejects.toThrow(/type must be one of/);
  });
});

describe("request log and stats", () => {
  it("records GoTo-facing requests (not control calls) with route, status and body", async () => {
    await sim.control.clearRequests();
    await sim.api(`/organizers/${sim.organizerKey}/webinars`, { method: "POST", body: { subject: "x" } });
    await request(`${sim.url}${REST}/missing`);
    const log = await sim.control.requests();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      method: "POST",
      status: 400,
      kind: "rest",
      route: "POST /G2W/rest/v2/organizers/:organizerKey/webinars",
      body: { subject: "x" },
      organizerKey: sim.organizerKey,
      clientId: "demo-client",
    });
    expect(await sim.control.requests(log[0]?.id)).toHaveLength(1);
    const stats = await sim.control.stats();
    expect(stats.total).toBe(2);
    expect(stats.byStatus).toEqual({ "400": 1, "404": 1 });
    expect(stats.byRoute["POST /G2W/rest/v2/organizers/:organizerKey/webinars"]).toBe(1);
  });
});
