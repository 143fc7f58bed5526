// Dynamic lists and automation rules kept current by the segment consumer: changes made over
// the API (and straight in Postgres, as the sync and webhooks write) reach lists and rules
// through the triggers and LISTEN/NOTIFY, with nothing in the write paths themselves.
import { createConnector, createProspect, createRegistration, createWebinar, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAndLogin, type LoggedInUser } from "../../api/test/auth-helpers";
import { type SegmentConsumer, startSegmentConsumer } from "../src/segment-consumer";
import { type ApiOverWorker, createTestWorkerEnv, startApiOver, type TestWorkerEnv } from "./helpers";

let env: TestWorkerEnv;
let api: ApiOverWorker;
let consumer: SegmentConsumer;
let me: LoggedInUser;
let them: LoggedInUser;

beforeAll(async () => {
  env = await createTestWorkerEnv("segments_incr", { TRUST_PROXY: "true" });
  api = await startApiOver(env);
  // A slow sweep: the tests must pass on NOTIFY alone.
  consumer = startSegmentConsumer(env.deps, { sweepEveryMs: 60_000 });
  me = await createUserAndLogin(api);
  them = await createUserAndLogin(api);
}, 60_000);

afterAll(async () => {
  await consumer?.close();
  await api?.close();
  await env?.close();
});

const db = () => env.deps.db;
const inject = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object, user = me) =>
  api.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
const all = (...conditions: object[]) => ({ type: "group", match: "all", conditions });

const waitFor = <T>(what: string, probe: () => Promise<T>, timeoutMs = 10_000) =>
  waitUntil(what, probe, { timeoutMs, everyMs: 25 });
const isMember = async (listId: string, prospectId: string) =>
  (await db().listMembership.count({ where: { listId, prospectId } })) === 1;
/** Waits until nothing is left to re-check, so a negative assertion is about a settled state. */
const settled = async () => {
  await waitFor("no prospect left to re-check", async () => (await db().segmentDirtyProspect.count()) === 0);
  await consumer.drain();
};

async function dynamicList(name: string, criteria: object, user = me) {
  const res = await inject("POST", "/api/lists", { name, criteria }, user);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; memberCount: number };
}
async function enabledRule(body: object, user = me) {
  const created = await inject("POST", "/api/rules", body, user);
  expect(created.statusCode, created.body).toBe(201);
  const rule = created.json() as { id: string };
  const enabled = await inject("POST", `/api/rules/${rule.id}/enable`, undefined, user);
  expect(enabled.statusCode, enabled.body).toBe(200);
  return { id: rule.id, enabled: enabled.json() as { matched: number; acted: number } };
}
const tagged = async (prospectId: string, name: string) =>
  (await db().prospectTag.count({ where: { prospectId, tag: { name } } })) === 1;

describe("dynamic lists, incrementally", () => {
  it("a tag and a manual edit over the API each move the prospect in or out within moments", async () => {
    const vip = (await inject("POST", "/api/tags", { name: "Hot" })).json();
    const list = await dynamicList(
      "Hot in Paris",
      all({ type: "hasTag", tagId: vip.id }, { type: "field", field: "city", op: "equals", value: "Paris" }),
    );
    const p = await createProspect(db(), { accountId: me.accountId, city: "Paris" });
    expect((await inject("POST", `/api/tags/${vip.id}/prospects`, { prospectIds: [p.id] })).statusCode).toBe(200);
    await waitFor("tagged prospect joins", () => isMember(list.id, p.id));

    const moved = await inject("PATCH", `/api/prospects/${p.id}`, { city: "Lyon" });
    expect(moved.statusCode, moved.body).toBe(200);
    await waitFor("moving away leaves", async () => !(await isMember(list.id, p.id)));

    const changes = (await inject("GET", `/api/lists/${list.id}/changes`)).json();
    expect(changes.items.map((c: { joined: boolean }) => c.joined)).toEqual([false, true]);
  });

  it("an activity written by the sync or a webhook (a plain INSERT) reaches a webinar-status list", async () => {
    const connector = await createConnector(db(), { accountId: me.accountId });
    const webinar = await createWebinar(db(), {
      accountId: me.accountId,
      connectorId: connector.id,
      startsAt: new Date(Date.now() - 86_400_000),
      status: "ENDED",
      attendanceSyncs: 1,
    });
    const attended = await dynamicList(
      "Attended it",
      all({ type: "webinarStatus", status: "attended", webinar: { webinarId: webinar.id } }),
    );
    const absent = await dynamicList(
      "Absent from it",
      all({ type: "webinarStatus", status: "absent", webinar: { webinarId: webinar.id } }),
    );
    const p = await createProspect(db(), { accountId: me.accountId });
    await createRegistration(db(), { accountId: me.accountId, webinarId: webinar.id, prospectId: p.id });
    await waitFor("absentee listed", () => isMember(absent.id, p.id));
    await db().webinarRegistration.updateMany({
      where: { prospectId: p.id },
      data: { attended: true, attendanceSeconds: 600 },
    });
    await waitFor(
      "attendee moves over",
      async () => (await isMember(attended.id, p.id)) && !(await isMember(absent.id, p.id)),
    );
  });

  it("a list built on another list follows it in the same round", async () => {
    const base = await dynamicList("Score 50+", all({ type: "score", op: "gte", value: 50 }));
    const derived = await dynamicList(
      "Score 50+ from forms",
      all({ type: "listMember", listId: base.id }, { type: "createdBy", source: "FORM" }),
    );
    const p = await createProspect(db(), { accountId: me.accountId, source: "FORM", score: 0 });
    await db().prospect.update({ where: { id: p.id }, data: { score: 60 } });
    await waitFor("both lists", async () => (await isMember(base.id, p.id)) && (await isMember(derived.id, p.id)));
  });

  it("merged-away and filtered prospects leave dynamic lists", async () => {
    const list = await dynamicList("Everyone scored", all({ type: "score", op: "gte", value: 1 }));
    const a = await createProspect(db(), { accountId: me.accountId, score: 5 });
    const b = await createProspect(db(), { accountId: me.accountId, score: 5 });
    await waitFor("both join", async () => (await isMember(list.id, a.id)) && (await isMember(list.id, b.id)));
    await db().prospect.update({ where: { id: a.id }, data: { filtered: true } });
    await db().prospect.update({ where: { id: b.id }, data: { mergedIntoId: a.id } });
    await waitFor("both leave", async () => !(await isMember(list.id, a.id)) && !(await isMember(list.id, b.id)));
  });

  it("never touches another account's lists", async () => {
    const theirs = await dynamicList("Their scored", all({ type: "score", op: "gte", value: 1 }), them);
    const mine = await createProspect(db(), { accountId: me.accountId, score: 99 });
    await settled();
    expect(await isMember(theirs.id, mine.id)).toBe(false);
    expect((await inject("GET", `/api/lists/${theirs.id}`)).statusCode).toBe(404);
    expect((await inject("POST", `/api/lists/${theirs.id}/evaluate`)).statusCode).toBe(404);
  });
});

describe("automation rules", () => {
  it("preview, then enable: runs on current matches at once, then on each new match, once per prospect", async () => {
    const before = await createProspect(db(), { accountId: me.accountId, company: "Acme Rockets" });
    const created = (
      await inject("POST", "/api/rules", {
        name: "Acme gets points",
        criteria: all({ type: "field", field: "company", op: "contains", value: "acme" }),
        actions: [
          { type: "ADJUST_SCORE", points: 10 },
          { type: "ADD_TAG", tag: "acme" },
        ],
      })
    ).json();
    const preview = (await inject("POST", `/api/rules/${created.id}/preview`, {})).json();
    expect(preview).toMatchObject({ matching: 1, wouldRun: 1, sample: [{ id: before.id }] });
    expect((await db().prospect.findUniqueOrThrow({ where: { id: before.id } })).score).toBe(0); // preview changes nothing

    const enabled = (await inject("POST", `/api/rules/${created.id}/enable`)).json();
    expect(enabled).toMatchObject({ matched: 1, acted: 1 });
    expect((await db().prospect.findUniqueOrThrow({ where: { id: before.id } })).score).toBe(10);

    const after = await createProspect(db(), { accountId: me.accountId, company: "ACME labs" });
    await waitFor("new match tagged", () => tagged(after.id, "acme"));
    // Matching again (an unrelated edit) does not run a once-rule again.
    await db().prospect.update({ where: { id: after.id }, data: { city: "Lyon" } });
    await settled();
    expect((await db().prospect.findUniqueOrThrow({ where: { id: after.id } })).score).toBe(10);

    const log = (await inject("GET", `/api/rules/${created.id}/runs`)).json();
    expect(log.total).toBe(2);
    expect(log.items[0]).toMatchObject({
      id: after.id,
      outcome: "done",
      actions: [
        { type: "ADJUST_SCORE", outcome: "done" },
        { type: "ADD_TAG", outcome: "done" },
      ],
    });
  });

  it("a rule's preview counts and samples what the list preview does for the same criteria", async () => {
    const tag = (await inject("POST", "/api/tags", { name: "Preview twin" })).json();
    const members = await Promise.all([1, 2, 3].map(() => createProspect(db(), { accountId: me.accountId })));
    await createProspect(db(), { accountId: me.accountId }); // untagged: matches neither
    await inject("POST", `/api/tags/${tag.id}/prospects`, { prospectIds: members.map((p) => p.id) });
    const criteria = all({ type: "hasTag", tagId: tag.id });
    const rule = (
      await inject("POST", "/api/rules", { name: "Twin", criteria, actions: [{ type: "ADJUST_SCORE", points: 1 }] })
    ).json();

    const listPreview = await inject("POST", "/api/segments/preview", { criteria, sampleSize: 2 });
    const rulePreview = await inject("POST", `/api/rules/${rule.id}/preview`, { sampleSize: 2 });
    expect(listPreview.statusCode, listPreview.body).toBe(200);
    expect(rulePreview.statusCode, rulePreview.body).toBe(200);
    expect(listPreview.json().count).toBe(3);
    expect(rulePreview.json()).toMatchObject({ matching: 3, wouldRun: 3, sample: listPreview.json().sample });
    expect(rulePreview.json().sample).toHaveLength(2);
  });

  it("a rule on a dynamic list's members acts in the round the prospect joins the list", async () => {
    const list = await dynamicList(
      "Annecy people",
      all({ type: "field", field: "city", op: "equals", value: "Annecy" }),
    );
    const rule = await enabledRule({
      name: "Annecy list members get a tag",
      criteria: all({ type: "listMember", listId: list.id }),
      actions: [{ type: "ADD_TAG", tag: "annecy-list" }],
    });
    const p = await createProspect(db(), { accountId: me.accountId, city: "Paris" });
    await settled();
    await db().prospect.update({ where: { id: p.id }, data: { city: "Annecy" } });
    // The list's membership write is the consumer's own output and marks nobody: only running the
    // list-reading rule after the list's re-check, in the same round, gets the prospect tagged.
    await waitFor("rule ran", () => tagged(p.id, "annecy-list"));
    expect(await isMember(list.id, p.id)).toBe(true);
    expect((await inject("GET", `/api/rules/${rule.id}/runs`)).json().total).toBe(1);
  });

  it("repeat: runs again each time the prospect newly matches; once: never again", async () => {
    const tag = (await inject("POST", "/api/tags", { name: "Flag" })).json();
    const criteria = all({ type: "hasTag", tagId: tag.id });
    const repeat = await enabledRule({
      name: "Flag repeat",
      criteria,
      actions: [{ type: "ADJUST_SCORE", points: 1 }],
      repeat: true,
    });
    const once = await enabledRule({ name: "Flag once", criteria, actions: [{ type: "ADJUST_SCORE", points: 100 }] });
    const p = await createProspect(db(), { accountId: me.accountId });
    for (let round = 1; round <= 3; round++) {
      await inject("POST", `/api/tags/${tag.id}/prospects`, { prospectIds: [p.id] });
      await waitFor(
        `run ${round}`,
        async () => (await db().automationRuleRun.count({ where: { ruleId: repeat.id, prospectId: p.id } })) === round,
      );
      await inject("DELETE", `/api/tags/${tag.id}/prospects/${p.id}`);
      await settled();
    }
    expect(await db().automationRuleRun.count({ where: { ruleId: once.id, prospectId: p.id } })).toBe(1);
    expect((await db().prospect.findUniqueOrThrow({ where: { id: p.id } })).score).toBe(103);
  });

  it("loops are bounded: two rules that undo each other stop after one re-trigger", async () => {
    const ping = (await inject("POST", "/api/tags", { name: "ping" })).json();
    const pong = (await inject("POST", "/api/tags", { name: "pong" })).json();
    // Each rule swaps one tag for the other, so each match sets off the other rule.
    const swap = (from: { id: string; name: string }, to: string) =>
      enabledRule({
        name: `${from.name} to ${to}`,
        repeat: true,
        criteria: all({ type: "hasTag", tagId: from.id }),
        actions: [
          { type: "REMOVE_TAG", tag: from.name },
          { type: "ADD_TAG", tag: to },
        ],
      });
    const a = await swap(ping, "pong");
    const b = await swap(pong, "ping");
    const p = await createProspect(db(), { accountId: me.accountId });
    await inject("POST", `/api/tags/${ping.id}/prospects`, { prospectIds: [p.id] });
    await waitFor("the chain ran", async () => (await db().automationRuleRun.count({ where: { ruleId: b.id } })) >= 1);
    await settled();
    const runsA = await db().automationRuleRun.count({ where: { ruleId: a.id } });
    const runsB = await db().automationRuleRun.count({ where: { ruleId: b.id } });
    // External change → a (hop 1) → b (hop 2) → nothing more: each rule ran at most twice.
    expect(runsA).toBeLessThanOrEqual(2);
    expect(runsB).toBe(1);
    expect(await db().segmentDirtyProspect.count()).toBe(0);
  });

  it("filtered prospects get no rule actions", async () => {
    const rule = await enabledRule({
      name: "Everyone in Paris",
      criteria: all({ type: "field", field: "city", op: "equals", value: "Paris" }),
      actions: [{ type: "ADD_TAG", tag: "paris" }],
    });
    const filtered = await createProspect(db(), { accountId: me.accountId, city: "Paris", filtered: true });
    const normal = await createProspect(db(), { accountId: me.accountId, city: "Paris" });
    await waitFor("normal tagged", () => tagged(normal.id, "paris"));
    await settled();
    expect(await tagged(filtered.id, "paris")).toBe(false);
    expect(await db().automationRuleRun.count({ where: { ruleId: rule.id, prospectId: filtered.id } })).toBe(0);
  });

  it("every action: static list add/remove, tag add/remove, score, campaign, field", async () => {
    const keep = (await inject("POST", "/api/lists", { name: "Keep" })).json();
    const drop = (await inject("POST", "/api/lists", { name: "Drop" })).json();
    const campaign = await db().campaign.create({ data: { accountId: me.accountId, name: "Nurture" } });
    const p = await createProspect(db(), { accountId: me.accountId, jobTitle: "CTO" });
    await db().listMembership.create({ data: { listId: drop.id, prospectId: p.id } });
    await db().prospectTag.create({
      data: { prospectId: p.id, tagId: (await db().tag.create({ data: { accountId: me.accountId, name: "old" } })).id },
    });
    await settled();
    await enabledRule({
      name: "CTO treatment",
      criteria: all({ type: "field", field: "jobTitle", op: "equals", value: "cto" }),
      actions: [
        { type: "ADD_TO_LIST", listId: keep.id },
        { type: "REMOVE_FROM_LIST", listId: drop.id },
        { type: "ADD_TAG", tag: "decision maker" },
        { type: "REMOVE_TAG", tag: "OLD" },
        { type: "ADJUST_SCORE", points: -5 },
        { type: "SET_CAMPAIGN", campaignId: campaign.id },
        { type: "SET_FIELD", field: "industry", value: "Software" },
      ],
    });
    const after = await db().prospect.findUniqueOrThrow({
      where: { id: p.id },
      include: { lists: true, tags: { include: { tag: true } } },
    });
    expect(after.lists.map((l) => l.listId)).toEqual([keep.id]);
    expect(after.tags.map((t) => t.tag.name)).toEqual(["decision maker"]);
    expect(after).toMatchObject({ score: -5, campaignId: campaign.id, industry: "Software" });
  });

  it("refuses actions that cannot work, naming them", async () => {
    const dyn = await dynamicList("Dyn target", all({ type: "score", op: "gte", value: 1 }));
    const refuse = async (actions: unknown, field: string) => {
      const res = await inject("POST", "/api/rules", {
        name: `r${Math.random()}`,
        criteria: all({ type: "score", op: "gte", value: 1 }),
        actions,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields[0].field).toBe(field);
    };
    await refuse([{ type: "ADD_TO_LIST", listId: dyn.id }], "actions.0.listId");
    await refuse([{ type: "ADJUST_SCORE", points: 1 }, { type: "SEND_FAX" }], "actions.1.type");
    await refuse([{ type: "SET_FIELD", field: "email", value: "x" }], "actions.0.field");
    await refuse([], "actions");
  });

  it("tenant isolation: another account's rules are 404 on every verb", async () => {
    const theirs = await enabledRule(
      {
        name: "Theirs",
        criteria: all({ type: "score", op: "gte", value: 1 }),
        actions: [{ type: "ADJUST_SCORE", points: 1 }],
      },
      them,
    );
    for (const [method, url] of [
      ["GET", `/api/rules/${theirs.id}`],
      ["PATCH", `/api/rules/${theirs.id}`],
      ["POST", `/api/rules/${theirs.id}/preview`],
      ["POST", `/api/rules/${theirs.id}/enable`],
      ["POST", `/api/rules/${theirs.id}/pause`],
      ["GET", `/api/rules/${theirs.id}/runs`],
      ["DELETE", `/api/rules/${theirs.id}`],
    ] as const) {
      const res = await inject(method, url, method === "PATCH" ? { repeat: true } : method === "POST" ? {} : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const mine = await createProspect(db(), { accountId: me.accountId, score: 50 });
    await settled();
    expect(await db().automationRuleRun.count({ where: { ruleId: theirs.id, prospectId: mine.id } })).toBe(0);
  });

  it("pause stops it; resume runs on the matches that appeared meanwhile", async () => {
    const rule = await enabledRule({
      name: "Berlin",
      criteria: all({ type: "field", field: "city", op: "equals", value: "Berlin" }),
      actions: [{ type: "ADD_TAG", tag: "berlin" }],
    });
    expect((await inject("POST", `/api/rules/${rule.id}/pause`)).statusCode).toBe(204);
    const p = await createProspect(db(), { accountId: me.accountId, city: "Berlin" });
    await settled();
    expect(await tagged(p.id, "berlin")).toBe(false);
    const resumed = (await inject("POST", `/api/rules/${rule.id}/enable`)).json();
    expect(resumed.acted).toBe(1);
    expect(await tagged(p.id, "berlin")).toBe(true);
  });
});
