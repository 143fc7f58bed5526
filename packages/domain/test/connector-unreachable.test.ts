// A connector's GoTo outage (issue 17): connector.failed (goto_unreachable) once past the period,
// connector.recovered once when GoTo answers again; a 4xx is an answer, not an outage.
import { waitUntil } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnectorGotoClient, reachabilityOf } from "../src/connectors/index";
import { createSyncEnv, type SyncEnv } from "./sync-env";

let env: SyncEnv;
beforeAll(async () => {
  env = await createSyncEnv("unreachable");
});
afterAll(async () => {
  await env?.close();
});

/** A client whose outage period is one second of the stand-in's (frozen) clock. */
async function clientOf(connectorId: string) {
  const config = { ...env.config, goto: { ...env.config.goto, unreachableAfterMs: 1000 } };
  return createConnectorGotoClient({ db: env.db, config, secretBox: env.secretBox, connectorId, now: env.now });
}

const eventsOf = (accountId: string) =>
  env.db.changeEvent.findMany({ where: { accountId }, orderBy: { id: "asc" }, select: { type: true, data: true } });

const rowOf = (connectorId: string) =>
  env.db.connector.findUniqueOrThrow({
    where: { id: connectorId },
    select: { unreachableSince: true, unreachableNotifiedAt: true },
  });

describe("connector outage", () => {
  it("emits one connector.failed past the period however many requests fail, then one connector.recovered", async () => {
    const { accountId, connectorId } = await env.createConnector();
    const client = await clientOf(connectorId);
    await env.sim.control.addFault({ path: "/webinars", type: "503", count: 1000 });
    const started = env.now();

    await expect(client.getWebinar({ webinarKey: "1" })).rejects.toThrow();
    const first = await waitUntil("the outage start", async () => {
      const row = await rowOf(connectorId);
      return row.unreachableSince ? row : null;
    });
    expect(first.unreachableSince?.getTime()).toBe(started.getTime());
    expect(first.unreachableNotifiedAt).toBeNull();
    expect(await eventsOf(accountId)).toEqual([]);

    await env.advance(2000);
    // Several failing requests past the period, from this client and a second one (another worker).
    const other = await clientOf(connectorId);
    await Promise.all([
      expect(client.getWebinar({ webinarKey: "1" })).rejects.toThrow(),
      expect(other.getWebinar({ webinarKey: "1" })).rejects.toThrow(),
      expect(client.getWebinar({ webinarKey: "2" })).rejects.toThrow(),
    ]);
    await expect(client.getWebinar({ webinarKey: "3" })).rejects.toThrow();
    await waitUntil("connector.failed", async () => (await eventsOf(accountId)).length > 0);
    // Every write of those failures is done once the last one's is: still exactly one event.
    await waitUntil("the last failure's write", async () => {
      await expect(client.getWebinar({ webinarKey: "4" })).rejects.toThrow();
      return (await rowOf(connectorId)).unreachableNotifiedAt;
    });
    const failed = await eventsOf(accountId);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      type: "connector.failed",
      data: { connectorId, reason: "goto_unreachable", unreachableSince: expect.any(String) },
    });
    const data = failed[0]?.data as { message: string; connectorName: string; unreachableSince: string };
    expect(new Date(data.unreachableSince).getTime()).toBe(started.getTime());
    expect(data.connectorName).toBeTruthy();
    expect(data.message).toMatch(/server error \(HTTP 503\)/);
    expect((await rowOf(connectorId)).unreachableNotifiedAt).not.toBeNull();

    await env.sim.control.clearFaults();
    await env.advance(3000);
    // A 404 is GoTo answering: it ends the outage as well as a 200 would.
    await expect(client.getWebinar({ webinarKey: "1" })).rejects.toThrow();
    const range = { fromTime: new Date(env.now().getTime() - 86_400_000), toTime: env.now() };
    await client.listWebinars(range);
    await other.listWebinars(range);
    await waitUntil("the outage's end", async () => (await rowOf(connectorId)).unreachableSince === null);
    await client.listWebinars(range);
    const all = await eventsOf(accountId);
    expect(all.map((e) => e.type)).toEqual(["connector.failed", "connector.recovered"]);
    expect(all[1]?.data).toMatchObject({ connectorId, outageSeconds: 5 });
    expect(await rowOf(connectorId)).toEqual({ unreachableSince: null, unreachableNotifiedAt: null });
  });

  it("counts no answer and 5xx as unreachable, 429 as neither, any other answer (400, 404) as reachable", () => {
    expect([0, 500, 503, 504].map(reachabilityOf)).toEqual([
      "unreachable",
      "unreachable",
      "unreachable",
      "unreachable",
    ]);
    expect(reachabilityOf(429)).toBe("unknown");
    expect([200, 204, 400, 401, 403, 404].map(reachabilityOf)).toEqual(Array(6).fill("reachable"));
  });

  it("does not start an outage on a 404, and tells nothing for an outage shorter than the period", async () => {
    const { accountId, connectorId } = await env.createConnector();
    const client = await clientOf(connectorId);
    await expect(client.getWebinar({ webinarKey: "404404" })).rejects.toThrow();
    expect(await rowOf(connectorId)).toEqual({ unreachableSince: null, unreachableNotifiedAt: null });

    await env.sim.control.addFault({ path: "/webinars", type: "drop", count: 1000 });
    await expect(client.getWebinar({ webinarKey: "1" })).rejects.toThrow();
    await waitUntil("the outage start", async () => (await rowOf(connectorId)).unreachableSince);
    await env.sim.control.clearFaults();
    await expect(client.getWebinar({ webinarKey: "404404" })).rejects.toThrow();
    await waitUntil("the outage's end", async () => (await rowOf(connectorId)).unreachableSince === null);
    expect(await rowOf(connectorId)).toEqual({ unreachableSince: null, unreachableNotifiedAt: null });
    expect(await eventsOf(accountId)).toEqual([]);
  });
});
