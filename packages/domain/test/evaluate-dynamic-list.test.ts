import { pgQuery, pgTransaction } from "@gw/db";
import { createAccount, createProspect, useAccountId, useTestDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { addProspectsToList, createList, removeProspectFromList } from "../src/lists";
import { exportProspect } from "../src/privacy";
import { evaluateDynamicList } from "../src/segments";
import { prospectIdRanges } from "../src/segments/evaluate-dynamic-list";

const { db } = useTestDatabase("evaluate_dynamic_list");
const accountId = useAccountId(db);

const scoreAtLeast = (value: number) => ({
  type: "group" as const,
  match: "all" as const,
  conditions: [{ type: "score" as const, op: "gte" as const, value }],
});

function createEndpoint(account: string, data: { eventTypes: string[]; enabled?: boolean }) {
  return db.outboundEndpoint.create({
    data: { accountId: account, url: "https://receiver.example.com/hook", secretEnc: "sealed", ...data },
  });
}

describe("prospectIdRanges", () => {
  it("cuts the uuid space into adjoining ranges of about the same width, open at both ends", () => {
    expect(prospectIdRanges(1)).toEqual([{}]);
    expect(prospectIdRanges(2)).toEqual([
      { to: "80000000-0000-0000-0000-000000000000" },
      { from: "80000000-0000-0000-0000-000000000000" },
    ]);
    const three = prospectIdRanges(3);
    expect(three.map((r) => [r.from, r.to])).toEqual([
      [undefined, "55555555-0000-0000-0000-000000000000"],
      ["55555555-0000-0000-0000-000000000000", "aaaaaaaa-0000-0000-0000-000000000000"],
      ["aaaaaaaa-0000-0000-0000-000000000000", undefined],
    ]);
    expect(prospectIdRanges(0)).toEqual([{}]);
  });
});

describe("evaluateDynamicList in parts", () => {
  it("gives every part's prospects their membership, one history row and one event each, and the hour's count", async () => {
    // 60 random ids: each of the five ranges gets some (a range left empty has odds below 1 in 10^5).
    const prospects = await Promise.all(
      Array.from({ length: 60 }, (_, i) => createProspect(db, { accountId, score: i })),
    );
    await createEndpoint(accountId, { eventTypes: [] });
    const list = await createList({ db, accountId, name: "Evaluated in parts", criteria: scoreAtLeast(1000) });
    // Criteria changed under the list, so that each evaluation below is the one in parts.
    const setCriteria = (value: number) =>
      pgQuery(db, `UPDATE "List" SET "criteria" = $2::jsonb WHERE "id" = $1::uuid`, [
        list.id,
        JSON.stringify(scoreAtLeast(value)),
      ]);
    await setCriteria(20);
    const joined = await evaluateDynamicList({ db, accountId, listId: list.id, parts: 5 });
    const expected = prospects
      .filter((p) => p.score >= 20)
      .map((p) => p.id)
      .sort();
    expect(joined).toMatchObject({ joined: 40, left: 0, memberCount: 40 });
    const members = async () =>
      (await db.listMembership.findMany({ where: { listId: list.id }, select: { prospectId: true } }))
        .map((m) => m.prospectId)
        .sort();
    expect(await members()).toEqual(expected);

    await setCriteria(50);
    const again = await evaluateDynamicList({ db, accountId, listId: list.id, parts: 5 });
    expect(again).toMatchObject({ joined: 0, left: 30, memberCount: 10 });
    expect(await members()).toEqual(
      prospects
        .filter((p) => p.score >= 50)
        .map((p) => p.id)
        .sort(),
    );

    const history = await pgQuery<{ joined: boolean; n: number }>(
      db,
      `SELECT "joined", count(*)::int AS n FROM "ListMembershipChange" WHERE "listId" = $1::uuid GROUP BY "joined" ORDER BY "joined"`,
      [list.id],
    );
    expect(history).toEqual([
      { joined: false, n: 30 },
      { joined: true, n: 40 },
    ]);
    const events = await pgQuery<{ type: string; n: number; prospects: number }>(
      db,
      `SELECT "type", count(*)::int AS n, count(DISTINCT "prospectId")::int AS prospects FROM "ChangeEvent"
       WHERE "type" IN ('list.added', 'list.removed') AND "data"->'list'->>'id' = $1 GROUP BY "type" ORDER BY "type"`,
      [list.id],
    );
    expect(events).toEqual([
      { type: "list.added", n: 40, prospects: 40 },
      { type: "list.removed", n: 30, prospects: 30 },
    ]);
    const [hour] = await pgQuery<{ count: number }>(
      db,
      `SELECT "count" FROM "ListCountHistory" WHERE "listId" = $1::uuid ORDER BY "hour" DESC LIMIT 1`,
      [list.id],
    );
    expect(hour?.count).toBe(10);
  });

  it("a membership another writer commits while a part runs makes that part run again, skipping it", async () => {
    const list = await createList({ db, accountId, name: "Raced by a join", criteria: scoreAtLeast(5000) });
    const [raced, other] = [
      await createProspect(db, { accountId, score: 6000 }),
      await createProspect(db, { accountId, score: 7000 }),
    ];
    // The incremental path's join of the same prospect, open while the evaluation starts.
    let commit = () => {};
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let inserted = () => {};
    const ran = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const joining = pgTransaction(db, async (query) => {
      await query(`INSERT INTO "ListMembership" ("listId", "prospectId") VALUES ($1::uuid, $2::uuid)`, [
        list.id,
        raced.id,
      ]);
      inserted();
      await held;
    });
    await ran;
    const evaluating = evaluateDynamicList({ db, accountId, listId: list.id, parts: 1 });
    // Until the evaluation's plain INSERT waits on the open join's row.
    await expect
      .poll(async () => {
        const [row] = await pgQuery<{ waiting: number }>(
          db,
          `SELECT count(*)::int AS "waiting" FROM pg_stat_activity
           WHERE "datname" = current_database() AND "wait_event_type" = 'Lock' AND "wait_event" = 'transactionid'`,
          [],
        );
        return row!.waiting;
      })
      .toBe(1);
    commit();
    await joining;
    await expect(evaluating).resolves.toMatchObject({ joined: 1, left: 0, memberCount: 2 });
    const history = await db.listMembershipChange.findMany({
      where: { listId: list.id },
      select: { prospectId: true },
    });
    expect(history).toEqual([{ prospectId: other.id }]);
  });
});

describe("list change events", () => {
  /** Adds a prospect to a new static list of a new account and takes them out again: the list.* events written. */
  async function listEventsWith(endpoints: { eventTypes: string[]; enabled?: boolean }[]) {
    const account = (await createAccount(db)).id;
    for (const endpoint of endpoints) await createEndpoint(account, endpoint);
    const prospect = await createProspect(db, { accountId: account });
    const list = await createList({ db, accountId: account, name: "Static" });
    await addProspectsToList({ db, accountId: account, listId: list.id, prospectIds: [prospect.id] });
    await removeProspectFromList({ db, accountId: account, listId: list.id, prospectId: prospect.id });
    const events = await db.changeEvent.findMany({
      where: { accountId: account, type: { startsWith: "list." } },
      orderBy: { id: "asc" },
    });
    return { account, prospect, list, types: events.map((e) => e.type), events };
  }

  it("are recorded only while an enabled endpoint of the account wants them", async () => {
    expect((await listEventsWith([])).types).toEqual([]);
    expect((await listEventsWith([{ eventTypes: ["form.submitted"] }])).types).toEqual([]);
    expect((await listEventsWith([{ eventTypes: ["list.added"], enabled: false }])).types).toEqual([]);
    expect((await listEventsWith([{ eventTypes: ["list.added"] }])).types).toEqual(["list.added"]);
    expect(
      (await listEventsWith([{ eventTypes: ["form.submitted"] }, { eventTypes: ["list.removed"] }])).types,
    ).toEqual(["list.removed"]);
    const all = await listEventsWith([{ eventTypes: [] }]);
    expect(all.types).toEqual(["list.added", "list.removed"]);
    expect(all.events.map((e) => [e.prospectId, e.data])).toEqual([
      [all.prospect.id, { list: { id: all.list.id, name: "Static" } }],
      [all.prospect.id, { list: { id: all.list.id, name: "Static" } }],
    ]);
  });

  it("are not needed for the privacy export, which gives a dynamic list's joins and leaves from its history", async () => {
    const account = (await createAccount(db)).id;
    const prospect = await createProspect(db, { accountId: account, score: 50 });
    const list = await createList({ db, accountId: account, name: "Scored", criteria: scoreAtLeast(10) });
    await db.prospect.update({ where: { id: prospect.id }, data: { score: 0 } });
    await evaluateDynamicList({ db, accountId: account, listId: list.id });
    const exported = await exportProspect({ db, accountId: account, prospectId: prospect.id });
    expect(exported.listHistory).toEqual([
      { joined: true, at: expect.any(Date), list: { id: list.id, name: "Scored" } },
      { joined: false, at: expect.any(Date), list: { id: list.id, name: "Scored" } },
    ]);
    expect(exported.events.filter((e) => e.type.startsWith("list."))).toEqual([]);
  });
});
