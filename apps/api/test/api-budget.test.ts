import type { ApiBudgetList } from "@gw/api-contract";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { type RunningSim, startSim } from "@gw/gotowebinar-sim";
import { createVerifiedConnector, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAndLogin } from "./auth-helpers";
import { simEnv } from "./connectors-env";
import { createTestApi, type TestApi } from "./helpers";

let sim: RunningSim;
let api: TestApi;

beforeAll(async () => {
  // GoTo (the stand-in) allows 2 requests/s; the service is told 100: some requests get 429.
  sim = await startSim({ port: 0, rateLimitPerSecond: 2 });
  api = await createTestApi("api_budget", simEnv(sim, { GOTO_REQUESTS_PER_SECOND: "100" }));
});
afterAll(async () => {
  await api?.close();
  await sim?.close();
});

describe("GET /api/connectors/api-budget", () => {
  it("counts each connector's GoTo requests by purpose, with 429s, against GoTo's hourly and daily limit", async () => {
    const user = await createUserAndLogin(api, { role: "MARKETER" });
    const { connector, organizer } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, {
      accountId: user.accountId,
      sim,
    });
    const idle = await createVerifiedConnector(api.deps.db, api.deps.secretBox, { accountId: user.accountId, sim });
    const { webinars } = await sim.control.scenario({
      organizerKey: organizer.organizerKey,
      webinars: [{ startsInMinutes: 3 * 24 * 60, registrants: 3 }],
    });
    const webinarKey = webinars[0]!.webinarKey;
    const client = await createConnectorGotoClient({
      db: api.deps.db,
      config: api.config,
      secretBox: api.deps.secretBox,
      connectorId: connector.id,
    });
    // Three polls at once, past the stand-in's burst of 2: one is answered 429 and retried. Then
    // three more, one after another. (Six at once made four retries race for two tokens a second,
    // and a loaded machine could see one of them refused five times in a row.)
    await Promise.all(Array.from({ length: 3 }, () => client.listRegistrants({ webinarKey })));
    for (let i = 0; i < 3; i++) await client.listRegistrants({ webinarKey });
    await client.listSessions({ webinarKey });
    await client.createRegistrant({ webinarKey, firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" });
    const stats = await sim.control.stats();

    const read = async () => {
      const res = await api.app.inject({ method: "GET", url: "/api/connectors/api-budget", headers: user.headers });
      expect(res.statusCode).toBe(200);
      return res.json() as ApiBudgetList;
    };
    // Counting is fire-and-forget: wait until the last count landed.
    const budget = await waitUntil("every request counted", async () => {
      const now = await read();
      return (now.items.find((b) => b.connectorId === connector.id)?.lastHour.requests ?? 0) >= stats.byKind.rest!
        ? now
        : undefined;
    });
    const mine = budget.items.find((b) => b.connectorId === connector.id)!;
    expect(mine.lastHour.byPurpose.polls).toBeGreaterThanOrEqual(6);
    expect(mine.lastHour.byPurpose.attendance).toBeGreaterThanOrEqual(1);
    // Every attempt counts against the budget: a registration answered 429 and retried counts twice.
    expect(mine.lastHour.byPurpose.registrations).toBeGreaterThanOrEqual(1);
    expect(mine.lastHour.rateLimited).toBe(stats.rateLimited);
    expect(mine.lastHour.rateLimited).toBeGreaterThan(0);
    expect(mine.lastHour.requests).toBe(Object.values(mine.lastHour.byPurpose).reduce((sum, n) => sum + n, 0));
    expect(mine.lastDay.requests).toBe(mine.lastHour.requests);
    expect(mine.lastHour.limit).toBe(360_000);
    expect(mine.lastDay.limit).toBe(8_640_000);
    expect(mine.ownOAuthClient).toBe(false);
    const other = budget.items.find((b) => b.connectorId === idle.connector.id)!;
    expect(other.lastDay.requests).toBe(0);

    // Another account sees none of these connectors.
    const stranger = await createUserAndLogin(api);
    const theirs = await api.app.inject({
      method: "GET",
      url: "/api/connectors/api-budget",
      headers: stranger.headers,
    });
    expect((theirs.json() as ApiBudgetList).items).toEqual([]);
  });
});
