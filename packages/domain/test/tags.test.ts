import { randomUUID } from "node:crypto";
import { createAccount, createProspect, useAccountDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";
import {
  createTag,
  deleteTag,
  getTag,
  listTaggedProspects,
  listTags,
  renameTag,
  tagProspects,
  untagProspect,
} from "../src/tags";

const { db, accountId, otherAccountId } = useAccountDatabase("tags");

describe("tags", () => {
  it("creates a tag with a trimmed name and refuses a duplicate, ignoring case", async () => {
    const tag = await createTag({ db, accountId, name: "  Hot leads " });
    expect(tag).toMatchObject({ name: "Hot leads", prospectCount: 0 });
    await expect(createTag({ db, accountId, name: "HOT LEADS" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "name" },
      message: expect.stringContaining('"Hot leads" already exists'),
    });
    // Another account may use the same name.
    await expect(createTag({ db, accountId: otherAccountId, name: "Hot leads" })).resolves.toMatchObject({
      name: "Hot leads",
    });
  });

  it("refuses a blank or overlong name, naming the field", async () => {
    await expect(createTag({ db, accountId, name: "   " })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { field: "name" },
    });
    await expect(createTag({ db, accountId, name: "x".repeat(101) })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("lists tags by name with prospect counts, searchable and paginated", async () => {
    const own = await createAccount(db);
    for (const name of ["Charlie", "alpha", "Bravo"]) await createTag({ db, accountId: own.id, name });
    const page = await listTags({ db, accountId: own.id, pageSize: 2 });
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items.map((l) => l.name)).toEqual(["alpha", "Bravo"]);
    const second = await listTags({ db, accountId: own.id, pageSize: 2, page: 2 });
    expect(second.items.map((l) => l.name)).toEqual(["Charlie"]);
    expect((await listTags({ db, accountId: own.id, q: "RAV" })).items.map((l) => l.name)).toEqual(["Bravo"]);
  });

  it("renames, refusing a name another tag has", async () => {
    const a = await createTag({ db, accountId, name: "Rename me" });
    await createTag({ db, accountId, name: "Taken" });
    await expect(renameTag({ db, accountId, tagId: a.id, name: "taken" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Changing only the case of its own name is fine.
    await expect(renameTag({ db, accountId, tagId: a.id, name: "RENAME ME" })).resolves.toMatchObject({
      name: "RENAME ME",
    });
  });

  it("tags idempotently, counts, pages newest first and untags", async () => {
    const tag = await createTag({ db, accountId, name: "Tagged" });
    const p1 = await createProspect(db, { accountId });
    const p2 = await createProspect(db, { accountId });
    const p3 = await createProspect(db, { accountId });
    expect(await tagProspects({ db, accountId, tagId: tag.id, prospectIds: [p1.id, p2.id] })).toEqual({
      affected: 2,
    });
    expect(await tagProspects({ db, accountId, tagId: tag.id, prospectIds: [p2.id, p3.id, p3.id] })).toEqual({
      affected: 1,
    });
    expect((await getTag({ db, accountId, tagId: tag.id })).prospectCount).toBe(3);
    const tagged = await listTaggedProspects({ db, accountId, tagId: tag.id, pageSize: 2 });
    expect(tagged.total).toBe(3);
    expect(tagged.items[0]).toMatchObject({ id: p3.id, email: p3.email, addedAt: expect.any(Date) });
    expect((await listTaggedProspects({ db, accountId, tagId: tag.id, q: p1.email })).items.map((m) => m.id)).toEqual([
      p1.id,
    ]);
    expect(await untagProspect({ db, accountId, tagId: tag.id, prospectId: p1.id })).toEqual({ removed: true });
    expect(await untagProspect({ db, accountId, tagId: tag.id, prospectId: p1.id })).toEqual({ removed: false });
    expect((await getTag({ db, accountId, tagId: tag.id })).prospectCount).toBe(2);
  });

  it("tags a merged-away prospect's master instead of the old record", async () => {
    const tag = await createTag({ db, accountId, name: "Merged" });
    const master = await createProspect(db, { accountId });
    const old = await createProspect(db, { accountId, mergedIntoId: master.id });
    expect(await tagProspects({ db, accountId, tagId: tag.id, prospectIds: [old.id, master.id] })).toEqual({
      affected: 1,
    });
    expect((await listTaggedProspects({ db, accountId, tagId: tag.id })).items.map((m) => m.id)).toEqual([master.id]);
  });

  it("keeps accounts apart: another account's tag or prospect is not found", async () => {
    const mine = await createTag({ db, accountId, name: "Mine" });
    const theirs = await createTag({ db, accountId: otherAccountId, name: "Theirs" });
    const foreigner = await createProspect(db, { accountId: otherAccountId });
    const notFound = { code: "NOT_FOUND" };
    await expect(getTag({ db, accountId, tagId: theirs.id })).rejects.toMatchObject(notFound);
    await expect(renameTag({ db, accountId, tagId: theirs.id, name: "Hijack" })).rejects.toMatchObject(notFound);
    await expect(deleteTag({ db, accountId, tagId: theirs.id })).rejects.toMatchObject(notFound);
    await expect(listTaggedProspects({ db, accountId, tagId: theirs.id })).rejects.toMatchObject(notFound);
    await expect(tagProspects({ db, accountId, tagId: theirs.id, prospectIds: [] })).rejects.toMatchObject(notFound);
    await expect(tagProspects({ db, accountId, tagId: mine.id, prospectIds: [foreigner.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { field: "prospectIds", value: [foreigner.id] },
    });
    await expect(untagProspect({ db, accountId, tagId: mine.id, prospectId: foreigner.id })).rejects.toMatchObject(
      notFound,
    );
    expect(await db.tag.findUnique({ where: { id: theirs.id } })).toMatchObject({ name: "Theirs" });
    expect(await db.prospectTag.count({ where: { prospectId: foreigner.id } })).toBe(0);
  });

  it("deletes a tag, untagging its prospects but leaving them", async () => {
    const tag = await createTag({ db, accountId, name: "Doomed" });
    const p = await createProspect(db, { accountId });
    await tagProspects({ db, accountId, tagId: tag.id, prospectIds: [p.id] });
    await deleteTag({ db, accountId, tagId: tag.id });
    await expect(getTag({ db, accountId, tagId: tag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prospect.findUnique({ where: { id: p.id } })).not.toBeNull();
    await expect(deleteTag({ db, accountId, tagId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
