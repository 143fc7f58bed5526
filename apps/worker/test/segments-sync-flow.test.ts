// The marketer's day after a webinar, end to end with the GoTo stand-in: a dynamic list
// "attended X" and a rule "absent from X → tag + register for Y" take effect as the sync brings
// attendance in, and the rule's registrations reach GoTo through the registration outbox.
import { type RunningSim, startSim } from "@gw/gotowebinar-sim";
import { createAccount, createVerifiedConnector, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUserAndLogin, type LoggedInUser } from "../../api/test/auth-helpers";
import { handlers } from "../src/handlers";
import { startWorkerRuntime, type WorkerRuntime } from "../src/runtime";
import { type SegmentConsumer, startSegmentConsumer } from "../src/segment-consumer";
import { type ApiOverWorker, createTestWorkerEnv, simGotoEnv, startApiOver, type TestWorkerEnv } from "./helpers";

let sim: RunningSim;
let env: TestWorkerEnv;
let api: ApiOverWorker;
let runtime: WorkerRuntime | undefined;
let consumer: SegmentConsumer | undefined;
let me: LoggedInUser;

beforeAll(async () => {
  // A fixed seed: who of the six attends is drawn from it, so every run sees the same mix.
  sim = await startSim({ port: 0, rateLimitPerSecond: 0, seed: 20_261_201 });
  env = await createTestWorkerEnv("segments_flow", {
    ...simGotoEnv(sim.url),
    DISPATCH_EVERY_MS: "1000",
    TRUST_PROXY: "true",
  });
  api = await startApiOver(env);
}, 60_000);

afterAll(async () => {
  await consumer?.close();
  await runtime?.close();
  await env?.deps.queues.scheduler.removeJobScheduler("dispatch").catch(() => undefined);
  await api?.close();
  await env?.close();
  await sim?.close();
});

const waitFor = <T>(what: string, probe: () => Promise<T>, timeoutMs = 150_000) =>
  waitUntil(what, probe, { timeoutMs, everyMs: 100 });

it("a dynamic list 'attended X' and a rule 'absent from X → tag + register for Y' take effect after a sync", async () => {
  const db = env.deps.db;
  const accountId = (await createAccount(db)).id;
  me = await createUserAndLogin(api, { accountId });
  const { connector, organizer } = await createVerifiedConnector(db, env.deps.secretBox, { accountId, sim });
  const scenario = await sim.control.scenario({
    organizerKey: organizer.organizerKey,
    webinars: [
      { startsInMinutes: -2 * 24 * 60, registrants: 6, attendanceRatio: 0.5 },
      { startsInMinutes: 7 * 24 * 60, registrants: 0 },
    ],
  });
  const [xKey, yKey] = scenario.webinars.map((w) => w.webinarKey as string);
  // The marketer sets both up first; the sync then brings registrants and attendance in.
  await db.connector.update({ where: { id: connector.id }, data: { backfillDueAt: null } });
  runtime = await startWorkerRuntime(env.deps, handlers, { queues: ["scheduler", "sync", "registrations"] });
  consumer = startSegmentConsumer(env.deps, { sweepEveryMs: 500 });
  const webinar = (key: string) =>
    waitFor(`webinar ${key} discovered`, () =>
      db.webinar.findUnique({ where: { connectorId_webinarKey: { connectorId: connector.id, webinarKey: key! } } }),
    );
  const x = await webinar(xKey!);
  const y = await webinar(yKey!);

  const inject = (method: "POST" | "GET", url: string, payload?: object) =>
    api.app.inject({ method, url, headers: me.headers, ...(payload ? { payload } : {}) });
  const statusOnX = (status: "attended" | "absent") => ({
    type: "group",
    match: "all",
    conditions: [{ type: "webinarStatus", status, webinar: { webinarId: x.id } }],
  });
  const list = await inject("POST", "/api/lists", { name: "Attended X", criteria: statusOnX("attended") });
  expect(list.statusCode, list.body).toBe(201);
  const rule = await inject("POST", "/api/rules", {
    name: "Absent from X: recording",
    criteria: statusOnX("absent"),
    actions: [
      { type: "ADD_TAG", tag: "missed X" },
      { type: "REGISTER_WEBINAR", webinarId: y.id },
    ],
  });
  expect(rule.statusCode, rule.body).toBe(201);
  expect((await inject("POST", `/api/rules/${rule.json().id}/enable`)).statusCode).toBe(200);

  // Now the sync runs (backfill: registrants and attendance of X).
  await db.connector.update({ where: { id: connector.id }, data: { backfillDueAt: new Date() } });
  // Who attended is GoTo's to say: the expectations follow what the attendance sync brought in.
  await waitFor("attendance synced", async () => {
    const synced = await db.webinar.findUniqueOrThrow({ where: { id: x.id } });
    const registered = await db.webinarRegistration.count({ where: { webinarId: x.id } });
    return synced.attendanceSyncs > 0 && registered === 6;
  });
  const attendees = await db.webinarRegistration.findMany({
    where: { webinarId: x.id, attended: true },
    select: { prospectId: true },
  });
  const absentees = (
    await db.webinarRegistration.findMany({ where: { webinarId: x.id, attended: false }, select: { prospectId: true } })
  ).map((r) => r.prospectId);
  // Both kinds are needed for the test to say anything.
  expect(attendees.length).toBeGreaterThan(0);
  expect(absentees.length).toBeGreaterThan(0);
  expect(attendees.length + absentees.length).toBe(6);

  await waitFor("the list holds the attendees", async () => {
    const members = await db.listMembership.findMany({ where: { listId: list.json().id } });
    return (
      members.length === attendees.length && attendees.every((a) => members.some((m) => m.prospectId === a.prospectId))
    );
  });
  await waitFor("absentees tagged and registered for Y in GoTo", async () => {
    const tagged = await db.prospectTag.count({ where: { prospectId: { in: absentees }, tag: { name: "missed X" } } });
    const pushed = await db.registrationRequest.count({
      where: { webinarId: y.id, prospectId: { in: absentees }, status: "SUCCEEDED" },
    });
    return tagged === absentees.length && pushed === absentees.length;
  });
  const log = (await inject("GET", `/api/rules/${rule.json().id}/runs`)).json();
  expect(log.total).toBe(absentees.length);
  expect(log.items[0].actions).toEqual([
    { type: "ADD_TAG", outcome: "done" },
    expect.objectContaining({
      type: "REGISTER_WEBINAR",
      outcome: "queued",
      registration: { status: "SUCCEEDED", lastError: null },
    }),
  ]);
  // Attendees got no rule actions.
  expect(await db.prospectTag.count({ where: { prospectId: { in: attendees.map((a) => a.prospectId) } } })).toBe(0);
}, 300_000);
