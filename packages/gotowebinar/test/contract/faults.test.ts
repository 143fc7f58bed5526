import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  GotoConflictError,
  GotoForbiddenError,
  GotoNotFoundError,
  GotoOAuthError,
  GotoServerError,
  GotoTimeoutError,
  GotoUnauthorizedError,
  GotoValidationError,
} from "../../src/index";
import { DAY_MINUTES, useScenarioHarness } from "./harness";

const { h, scenario } = useScenarioHarness({
  webinars: [{ subject: "Faults", startsInMinutes: 5 * DAY_MINUTES, registrants: 3 }],
});

const webinarKey = () => scenario.webinars[0]!.webinarKey;
const registrantsPath = () => `/webinars/${webinarKey()}/registrants`;

beforeAll(async () => {
  // Resolves the organizer key through getIdentity once, so later counts are per call.
  await h.client.getWebinar({ webinarKey: webinarKey() });
});
beforeEach(async () => {
  await h.sim.control.clearFaults();
  await h.sim.control.clearRequests();
});

async function attemptsAt(path: string, method = "GET") {
  return (await h.sim.control.requests()).filter((r) => r.method === method && r.path.endsWith(path));
}

describe("retries", () => {
  it("retries a GET through 500, 503 and a dropped connection", async () => {
    await h.sim.control.addFault({ path: registrantsPath(), type: "500", count: 1 });
    await h.sim.control.addFault({ path: registrantsPath(), type: "503", count: 1 });
    await h.sim.control.addFault({ path: registrantsPath(), type: "drop", count: 1 });
    const before = h.client.stats;
    const registrants = await h.client.listAllRegistrants({ webinarKey: webinarKey() });
    expect(registrants).toHaveLength(3);
    const after = h.client.stats;
    expect(after.retries - before.retries).toBe(3);
    expect(after.requests - before.requests).toBe(4);
    expect((await attemptsAt(registrantsPath())).map((r) => r.status)).toEqual([500, 503, 0, 200]);
  });

  it("gives up with GotoServerError after maxRetries", async () => {
    await h.sim.control.addFault({ path: registrantsPath(), type: "500", count: 3 });
    const client = h.makeClient({ retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 50 } });
    const error = await client.listAllRegistrants({ webinarKey: webinarKey() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoServerError);
    expect(error).toMatchObject({ status: 500, code: "InternalServerError", method: "GET" });
    expect(await attemptsAt(registrantsPath())).toHaveLength(3);
  });

  it("retries POST create-registrant (a duplicate resolves through 409) but never POST create-webinar", async () => {
    await h.sim.control.addFault({ path: registrantsPath(), method: "POST", type: "drop", count: 1 });
    const created = await h.client.createRegistrant({
      webinarKey: webinarKey(),
      firstName: "Re",
      lastName: "Try",
      email: "retry@example.com",
    });
    expect(created.status).toBe("created");

    await h.sim.control.addFault({ path: "/webinars", method: "POST", type: "500", count: 1 });
    const start = new Date(Date.now() + 20 * 86_400_000);
    await expect(
      h.client.createWebinar({
        subject: "Once",
        times: [{ startTime: start, endTime: new Date(start.getTime() + 3_600_000) }],
      }),
    ).rejects.toBeInstanceOf(GotoServerError);
    expect(await attemptsAt("/webinars", "POST")).toHaveLength(1);
  });

  it("honours Retry-After on 429", async () => {
    await h.sim.control.addFault({ path: registrantsPath(), type: "429", count: 1, retryAfterSeconds: 1 });
    const before = h.client.stats;
    const started = Date.now();
    await h.client.listAllRegistrants({ webinarKey: webinarKey() });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.client.stats.rateLimited - before.rateLimited).toBe(1);
  });

  it("backs off and retries a 429 without Retry-After", async () => {
    await h.sim.control.addFault({ path: registrantsPath(), type: "429", count: 2 });
    await expect(h.client.listAllRegistrants({ webinarKey: webinarKey() })).resolves.toHaveLength(4);
  });

  it("times out a slow answer with GotoTimeoutError, then retries it", async () => {
    await h.sim.control.addFault({ path: registrantsPath(), type: "slow", delayMs: 1_500, count: 2 });
    const client = h.makeClient({ timeoutMs: 300, retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 } });
    const error = await client.listAllRegistrants({ webinarKey: webinarKey() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoTimeoutError);
    expect(error).toMatchObject({ status: 0, code: "timeout", timeoutMs: 300 });
    await h.sim.control.addFault({ path: registrantsPath(), type: "slow", delayMs: 1_500, count: 1 });
    await expect(client.listAllRegistrants({ webinarKey: webinarKey() })).resolves.toHaveLength(4);
  });
});

describe("typed errors", () => {
  it("404 is GotoNotFoundError with GoTo's message", async () => {
    const error = await h.client.getWebinar({ webinarKey: "1234567890123456789" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoNotFoundError);
    expect(error).toMatchObject({ status: 404, method: "GET", message: expect.any(String) });
    expect((error as GotoNotFoundError).path).toContain("/webinars/1234567890123456789");
  });

  it("403 on another organizer's data is GotoForbiddenError, not a token problem", async () => {
    const other = await h.sim.control.createOrganizer({ email: "other@example.com", firstName: "O", lastName: "Ther" });
    const before = h.client.stats.tokenRefreshes;
    const error = await h.client
      .listWebinars({
        organizerKey: other.organizerKey,
        fromTime: new Date(),
        toTime: new Date(Date.now() + 86_400_000),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoForbiddenError);
    expect(error).toMatchObject({ status: 403 });
    expect(h.client.stats.tokenRefreshes).toBe(before);
  });

  it("400 is GotoValidationError carrying GoTo's description", async () => {
    const error = await h.client
      .listWebinars({ fromTime: "2030-01-02T00:00:00Z", toTime: "not-a-date" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoValidationError);
    expect((error as GotoValidationError).description).toBe((error as Error).message);
    expect((error as GotoValidationError).description.length).toBeGreaterThan(0);
  });

  it("409 is GotoConflictError with the existing registrantKey (raw request)", async () => {
    const registrantKey = scenario.webinars[0]!.registrantKeys[0]!;
    const existing = await h.client.getRegistrant({ webinarKey: webinarKey(), registrantKey });
    const error = await h.client
      .rawRequest({
        method: "POST",
        path: `/organizers/{organizerKey}/webinars/${webinarKey()}/registrants`,
        data: { firstName: "X", lastName: "Y", email: existing.email },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoConflictError);
    expect(error).toMatchObject({ status: 409, code: "DuplicateRegistrant", registrantKey });
  });
});

describe("tokens", () => {
  it("an injected InvalidToken answer triggers one refresh, then success", async () => {
    await h.sim.control.addFault({ path: registrantsPath(), type: "invalid-token", count: 1 });
    const before = h.client.stats.tokenRefreshes;
    await expect(h.client.listAllRegistrants({ webinarKey: webinarKey() })).resolves.toHaveLength(4);
    expect(h.client.stats.tokenRefreshes - before).toBe(1);
  });

  it("an expired access token is refreshed once and the call succeeds", async () => {
    const { expired } = await h.sim.control.expireTokens();
    expect(expired).toBeGreaterThan(0);
    const before = h.client.stats.tokenRefreshes;
    await expect(h.client.getWebinar({ webinarKey: webinarKey() })).resolves.toMatchObject({
      webinarKey: webinarKey(),
    });
    expect(h.client.stats.tokenRefreshes - before).toBe(1);
    expect((await attemptsAt(`/webinars/${webinarKey()}`)).map((r) => r.status)).toEqual([403, 200]);
  });

  it("a revoked refresh token ends in GotoUnauthorizedError (cause: invalid_grant)", async () => {
    await h.sim.control.revokeTokens({ accessTokens: true });
    const error = await h.client.getWebinar({ webinarKey: webinarKey() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GotoUnauthorizedError);
    expect(error).toMatchObject({ status: 403, code: "refresh_failed" });
    expect((error as Error).cause).toBeInstanceOf(GotoOAuthError);
    expect((error as Error).cause).toMatchObject({ code: "invalid_grant" });
  });
});
