import { randomUUID } from "node:crypto";
import { pgQuery, pgTransaction } from "@gw/db";
import { createAccount, createProspect, useAccountDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";
import {
  addProspectsToList,
  createList,
  deleteList,
  getList,
  listListMembers,
  listLists,
  removeProspectFromList,
  renameList,
} from "../src/lists";
import { evaluateDynamicList } from "../src/segments";

const { db, accountId, otherAccountId } = useAccountDatabase("lists");

/** Until another connection of this database waits for an advisory lock (the prospect-deletion lock). */
async function waitingForTheOther(): Promise<void> {
  for (;;) {
    const [row] = await pgQuery<{ waiting: number }>(
      db,
      `SELECT count(*)::int AS "waiting" FROM pg_stat_activity
       WHERE "datname" = current_database() AND "wait_event_type" = 'Lock' AND "wait_event" = 'advisory'`,
      [],
    );
    if (row!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function hold() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { released, release };
}

/**
 * Runs one statement in a transaction of its own and keeps that open, so another connection
 * meets its locks; resolves once the statement has run. `commit()` ends it.
 */
async function heldOpen(text: string, values: unknown[]) {
  const open = hold();
  const ran = hold();
  const committed = pgTransaction(db, async (query) => {
    await query(text, values);
    ran.release();
    await open.released;
  });
  await ran.released;
  return {
    commit: () => {
      open.release();
      return committed;
    },
  };
}

describe("lists", () => {
  it("creates a list with a trimmed name and refuses a duplicate, ignoring case", async () => {
    const list = await createList({ db, accountId, name: "  Hot leads " });
    expect(list).toMatchObject({ name: "Hot leads", memberCount: 0 });
    await expect(createList({ db, accountId, name: "HOT LEADS" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "name" },
      message: expect.stringContaining('"Hot leads" already exists'),
    });
    // Another account may use the same name.
    await expect(createList({ db, accountId: otherAccountId, name: "Hot leads" })).resolves.toMatchObject({
      name: "Hot leads",
    });
  });

  it("refuses a blank or overlong name, naming the field", async () => {
    await expect(createList({ db, accountId, name: "   " })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { field: "name" },
    });
    await expect(createList({ db, accountId, name: "x".repeat(101) })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("lists by name with member counts, searchable and paginated", async () => {
    const own = await createAccount(db);
    for (const name of ["Charlie", "alpha", "Bravo"]) await createList({ db, accountId: own.id, name });
    const page = await listLists({ db, accountId: own.id, pageSize: 2 });
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items.map((l) => l.name)).toEqual(["alpha", "Bravo"]);
    const second = await listLists({ db, accountId: own.id, pageSize: 2, page: 2 });
    expect(second.items.map((l) => l.name)).toEqual(["Charlie"]);
    expect((await listLists({ db, accountId: own.id, q: "RAV" })).items.map((l) => l.name)).toEqual(["Bravo"]);
  });

  it("renames, refusing a name another list has", async () => {
    const a = await createList({ db, accountId, name: "Rename me" });
    await createList({ db, accountId, name: "Taken" });
    await expect(renameList({ db, accountId, listId: a.id, name: "taken" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Changing only the case of its own name is fine.
    await expect(renameList({ db, accountId, listId: a.id, name: "RENAME ME" })).resolves.toMatchObject({
      name: "RENAME ME",
    });
  });

  it("adds members idempotently, counts them, pages them newest first and removes them", async () => {
    const list = await createList({ db, accountId, name: "Members" });
    const p1 = await createProspect(db, { accountId });
    const p2 = await createProspect(db, { accountId });
    const p3 = await createProspect(db, { accountId });
    expect(await addProspectsToList({ db, accountId, listId: list.id, prospectIds: [p1.id, p2.id] })).toEqual({
      affected: 2,
    });
    expect(await addProspectsToList({ db, accountId, listId: list.id, prospectIds: [p2.id, p3.id, p3.id] })).toEqual({
      affected: 1,
    });
    expect((await getList({ db, accountId, listId: list.id })).memberCount).toBe(3);
    const members = await listListMembers({ db, accountId, listId: list.id, pageSize: 2 });
    expect(members.total).toBe(3);
    expect(members.items[0]).toMatchObject({ id: p3.id, email: p3.email, addedAt: expect.any(Date) });
    expect((await listListMembers({ db, accountId, listId: list.id, q: p1.email })).items.map((m) => m.id)).toEqual([
      p1.id,
    ]);
    expect(await removeProspectFromList({ db, accountId, listId: list.id, prospectId: p1.id })).toEqual({
      removed: true,
    });
    expect(await removeProspectFromList({ db, accountId, listId: list.id, prospectId: p1.id })).toEqual({
      removed: false,
    });
    expect((await getList({ db, accountId, listId: list.id })).memberCount).toBe(2);
  });

  it("adds a merged-away prospect's master instead of the old record", async () => {
    const list = await createList({ db, accountId, name: "Merged" });
    const master = await createProspect(db, { accountId });
    const old = await createProspect(db, { accountId, mergedIntoId: master.id });
    expect(await addProspectsToList({ db, accountId, listId: list.id, prospectIds: [old.id, master.id] })).toEqual({
      affected: 1,
    });
    expect((await listListMembers({ db, accountId, listId: list.id })).items.map((m) => m.id)).toEqual([master.id]);
  });

  it("keeps accounts apart: another account's list or prospect is not found", async () => {
    const mine = await createList({ db, accountId, name: "Mine" });
    const theirs = await createList({ db, accountId: otherAccountId, name: "Theirs" });
    const foreigner = await createProspect(db, { accountId: otherAccountId });
    const notFound = { code: "NOT_FOUND" };
    await expect(getList({ db, accountId, listId: theirs.id })).rejects.toMatchObject(notFound);
    await expect(renameList({ db, accountId, listId: theirs.id, name: "Hijack" })).rejects.toMatchObject(notFound);
    await expect(deleteList({ db, accountId, listId: theirs.id })).rejects.toMatchObject(notFound);
    await expect(listListMembers({ db, accountId, listId: theirs.id })).rejects.toMatchObject(notFound);
    await expect(addProspectsToList({ db, accountId, listId: theirs.id, prospectIds: [] })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      addProspectsToList({ db, accountId, listId: mine.id, prospectIds: [foreigner.id] }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { field: "prospectIds", value: [foreigner.id] },
    });
    await expect(
      removeProspectFromList({ db, accountId, listId: mine.id, prospectId: foreigner.id }),
    ).rejects.toMatchObject(notFound);
    expect(await db.list.findUnique({ where: { id: theirs.id } })).toMatchObject({ name: "Theirs" });
    expect(await db.listMembership.count({ where: { prospectId: foreigner.id } })).toBe(0);
  });

  it("deletes a list and its memberships, leaving the prospects", async () => {
    const list = await createList({ db, accountId, name: "Doomed" });
    const p = await createProspect(db, { accountId });
    await addProspectsToList({ db, accountId, listId: list.id, prospectIds: [p.id] });
    await deleteList({ db, accountId, listId: list.id });
    await expect(getList({ db, accountId, listId: list.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prospect.findUnique({ where: { id: p.id } })).not.toBeNull();
    await expect(deleteList({ db, accountId, listId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  // The foreign keys are statement triggers (list_membership_set_checks migration): same refusals, same cascades.
  it("refuses a membership or change of a list or prospect that does not exist, as a foreign key does", async () => {
    const list = await createList({ db, accountId, name: "Checked" });
    const p = await createProspect(db, { accountId });
    const insert = (listId: string, prospectIds: string[]) =>
      pgQuery(db, `INSERT INTO "ListMembership" ("listId", "prospectId") SELECT $1::uuid, unnest($2::uuid[])`, [
        listId,
        prospectIds,
      ]);
    const violation = (constraint: string) => ({ code: "23503", constraint });
    await expect(insert(list.id, [p.id, randomUUID()])).rejects.toMatchObject(
      violation("ListMembership_prospectId_fkey"),
    );
    await expect(insert(randomUUID(), [p.id])).rejects.toMatchObject(violation("ListMembership_listId_fkey"));
    await expect(
      pgQuery(
        db,
        `INSERT INTO "ListMembershipChange" ("listId", "prospectId", "joined") VALUES ($1::uuid, $2::uuid, true)`,
        [randomUUID(), p.id],
      ),
    ).rejects.toMatchObject(violation("ListMembershipChange_listId_fkey"));
    await expect(
      pgQuery(db, `UPDATE "ListMembership" SET "prospectId" = $2::uuid WHERE "listId" = $1::uuid`, [
        list.id,
        randomUUID(),
      ]),
    ).resolves.toEqual([]);
    await insert(list.id, [p.id]);
    await expect(
      pgQuery(db, `UPDATE "ListMembership" SET "prospectId" = $2::uuid WHERE "listId" = $1::uuid`, [
        list.id,
        randomUUID(),
      ]),
    ).rejects.toMatchObject(violation("ListMembership_prospectId_fkey"));
    expect(await db.listMembership.count({ where: { listId: list.id } })).toBe(1);
  });

  it("deleting a prospect takes its memberships; deleting a list takes its members and change log", async () => {
    const list = await createList({ db, accountId, name: "Cascaded" });
    const [gone, stays] = [await createProspect(db, { accountId }), await createProspect(db, { accountId })];
    await addProspectsToList({ db, accountId, listId: list.id, prospectIds: [gone.id, stays.id] });
    await pgQuery(
      db,
      `INSERT INTO "ListMembershipChange" ("listId", "prospectId", "joined") VALUES ($1::uuid, $2::uuid, true)`,
      [list.id, stays.id],
    );
    await db.prospect.delete({ where: { id: gone.id } });
    expect(await db.listMembership.findMany({ where: { listId: list.id }, select: { prospectId: true } })).toEqual([
      { prospectId: stays.id },
    ]);
    await db.list.delete({ where: { id: list.id } });
    expect(await db.listMembership.count({ where: { listId: list.id } })).toBe(0);
    expect(await db.listMembershipChange.count({ where: { listId: list.id } })).toBe(0);
  });

  it("a prospect deleted while a membership of it is being written leaves no membership behind, either way round", async () => {
    const list = await createList({ db, accountId, name: "Raced" });
    const insert = `INSERT INTO "ListMembership" ("listId", "prospectId") VALUES ($1::uuid, $2::uuid)`;

    // The membership first: the delete waits for it to commit, then takes it along.
    const first = await createProspect(db, { accountId });
    const adding = await heldOpen(insert, [list.id, first.id]);
    const deleting = pgQuery(db, `DELETE FROM "Prospect" WHERE "id" = $1::uuid`, [first.id]);
    await waitingForTheOther();
    await Promise.all([adding.commit(), deleting]);
    expect(await db.listMembership.count({ where: { prospectId: first.id } })).toBe(0);

    // The delete first: the membership waits for it, then is refused.
    const second = await createProspect(db, { accountId });
    const removing = await heldOpen(`DELETE FROM "Prospect" WHERE "id" = $1::uuid`, [second.id]);
    const refused = expect(pgQuery(db, insert, [list.id, second.id])).rejects.toMatchObject({
      code: "23503",
      constraint: "ListMembership_prospectId_fkey",
    });
    await waitingForTheOther();
    await removing.commit();
    await refused;
    expect(await db.listMembership.count({ where: { prospectId: second.id } })).toBe(0);
  });

  // The segment evaluator's writes skip the prospect look-up only with both its flag and the lock
  // taken before the statement (list_evaluation_checks migration); any other write is looked up.
  it("looks up the prospects of a write flagged as the evaluator's that does not hold the deletion lock", async () => {
    const list = await createList({ db, accountId, name: "Flagged" });
    const insert = (query: (text: string, values: unknown[]) => Promise<unknown>) =>
      query(`INSERT INTO "ListMembership" ("listId", "prospectId") VALUES ($1::uuid, $2::uuid)`, [
        list.id,
        randomUUID(),
      ]);
    await expect(pgTransaction(db, insert, { "gw.segment_eval": "on" })).rejects.toMatchObject({
      code: "23503",
      constraint: "ListMembership_prospectId_fkey",
    });
    // The lock of another account is not this list's.
    await expect(
      pgTransaction(
        db,
        async (query) => {
          await query(
            `SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock_shared(prospect_deletion_lock_key($1::uuid))) l`,
            [otherAccountId],
          );
          await insert(query);
        },
        { "gw.segment_eval": "on" },
      ),
    ).rejects.toMatchObject({ code: "23503", constraint: "ListMembership_prospectId_fkey" });
    expect(await db.listMembership.count({ where: { listId: list.id } })).toBe(0);
  });

  it("a dynamic list evaluated while a prospect is being deleted waits for the delete and leaves it out", async () => {
    const list = await createList({
      db,
      accountId,
      name: "Evaluated during a delete",
      criteria: { type: "group", match: "all", conditions: [{ type: "score", op: "gte", value: 900 }] },
    });
    const [kept, doomed] = [
      await createProspect(db, { accountId, score: 950 }),
      await createProspect(db, { accountId, score: 960 }),
    ];
    const removing = await heldOpen(`DELETE FROM "Prospect" WHERE "id" = $1::uuid`, [doomed.id]);
    const evaluating = evaluateDynamicList({ db, accountId, listId: list.id });
    await waitingForTheOther();
    await removing.commit();
    await expect(evaluating).resolves.toMatchObject({ joined: 1, left: 0, memberCount: 1 });
    expect(await db.listMembership.findMany({ where: { listId: list.id }, select: { prospectId: true } })).toEqual([
      { prospectId: kept.id },
    ]);
  });
});
