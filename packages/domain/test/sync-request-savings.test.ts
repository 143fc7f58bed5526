// GoTo requests that cannot change anything are not made: counted at the stand-in, which logs
// every request it answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSyncEnv, HOUR, type SyncEnv } from "./sync-env";

let env: SyncEnv;
beforeAll(async () => {
  env = await createSyncEnv("syncsave");
});
afterAll(async () => env?.close());

/** The webinar's GoTo requests since the log was last cleared, by what they asked for. */
async function requestsOf(webinarKey: string) {
  const paths = (await env.sim.control.requests())
    .filter((r) => r.kind === "rest" && r.path.includes(`/webinars/${webinarKey}`))
    .map((r) => r.path);
  const count = (pattern: RegExp) => paths.filter((path) => pattern.test(path)).length;
  return {
    registrants: count(/\/registrants$/),
    sessions: count(/\/sessions$/),
    attendees: count(/\/sessions\/[^/]+\/attendees$/),
    performance: count(/\/performance$/),
    questions: count(/\/questions$/),
    all: paths.length,
  };
}

async function endedWebinar(attendanceRatio: number) {
  const connector = await env.createConnector();
  const scenario = await env.sim.control.scenario({
    organizerKey: connector.organizerKey,
    webinars: [{ startsInMinutes: -120, durationMinutes: 60, registrants: 4, attendanceRatio }],
  });
  const webinarKey = scenario.webinars[0]!.webinarKey;
  await env.discover(connector.connectorId);
  const webinar = await env.db.webinar.findFirstOrThrow({ where: { connectorId: connector.connectorId, webinarKey } });
  await env.sim.control.clearRequests();
  return { ...connector, webinar, webinarKey };
}

describe("GoTo requests that cannot change anything", () => {
  it("asks no attendees and no engagement of a session GoTo's session list says nobody attended", async () => {
    const { webinar, webinarKey } = await endedWebinar(0);
    const result = await env.sync(webinar.id);
    expect(result).toMatchObject({ status: "synced", kind: "ATTENDANCE" });
    const session = await env.db.webinarSession.findFirstOrThrow({ where: { webinarId: webinar.id } });
    expect(session.registrantsAttended).toBe(0);
    expect(await requestsOf(webinarKey)).toMatchObject({ registrants: 1, attendees: 0, performance: 0, questions: 0 });
    // Still a complete attendance sync: every registrant is there and known absent.
    expect(await env.db.webinarRegistration.count({ where: { webinarId: webinar.id, attended: false } })).toBe(4);
  });

  it("reads a finished webinar's registrants once after its end; later attendance syncs ask attendees only, and engagement only when attendees changed", async () => {
    const { webinar, webinarKey } = await endedWebinar(1);
    await env.sync(webinar.id);
    const first = await requestsOf(webinarKey);
    expect(first).toMatchObject({ registrants: 1, attendees: 1, performance: 1 });
    const attended = await env.db.webinarRegistration.count({ where: { webinarId: webinar.id, attended: true } });
    expect(attended).toBe(4);

    await env.sim.control.clearRequests();
    await env.advance(3 * HOUR);
    const second = await env.sync(webinar.id);
    expect(second).toMatchObject({ status: "synced", kind: "ATTENDANCE", counts: { created: 0, updated: 0 } });
    expect(await requestsOf(webinarKey)).toEqual({
      registrants: 0,
      sessions: 0,
      attendees: 1,
      performance: 0,
      questions: 0,
      all: 1,
    });
    // Nobody was cancelled for missing from a list that was not read.
    expect(
      await env.db.webinarRegistration.count({ where: { webinarId: webinar.id, status: { not: "CANCELLED" } } }),
    ).toBe(4);
    expect(await env.db.webinarRegistration.count({ where: { webinarId: webinar.id, attended: true } })).toBe(attended);
  });
});
