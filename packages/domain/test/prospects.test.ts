import { randomUUID } from "node:crypto";
import {
  createAccount,
  createCampaign,
  createConnector,
  createProspect,
  createRegistration,
  createWebinar,
  useAccountDatabase,
  useId,
} from "@gw/testing";
import { describe, expect, it } from "vitest";
import { getProspectDetail, mergeProspects, searchProspects, updateProspect } from "../src/prospects/index";

const { db, accountId, otherAccountId } = useAccountDatabase("prospects");
const connectorId = useId((id) => createConnector(db, { id, accountId }));

const webinar = (subject: string) => createWebinar(db, { accountId, connectorId, subject });
const activity = (
  prospectId: string,
  webinarId: string,
  type: "REGISTERED" | "ACCEPTED" | "ATTENDED",
  occurredAt: Date,
  points = 0,
) => db.activity.create({ data: { accountId, prospectId, webinarId, type, occurredAt, points } });

describe("prospect search", () => {
  it("finds by e-mail, name, full name or company, hiding merged-away records unless asked", async () => {
    const own = (await createAccount(db)).id;
    const ada = await createProspect(db, {
      accountId: own,
      email: "ada@engines.test",
      firstName: "Ada",
      lastName: "Lovelace",
      company: "Analytical",
    });
    const alan = await createProspect(db, {
      accountId: own,
      email: "alan@bletchley.test",
      firstName: "Alan",
      lastName: "Turing",
      company: "Bletchley",
    });
    const oldAda = await createProspect(db, {
      accountId: own,
      email: "ada@old.test",
      firstName: "Ada",
      lastName: "L",
      mergedIntoId: ada.id,
    });
    await createProspect(db, { accountId: otherAccountId, email: "ada@elsewhere.test", firstName: "Ada" });

    const ids = async (q: string, includeMerged = false) =>
      (await searchProspects({ db, accountId: own, q, includeMerged })).items.map((p) => p.id);
    expect(await ids("ADA")).toEqual([ada.id]);
    expect((await ids("ada", true)).sort()).toEqual([ada.id, oldAda.id].sort());
    expect(await ids("ada lovelace")).toEqual([ada.id]);
    expect(await ids("bletchley")).toEqual([alan.id]);
    expect(await ids("turing")).toEqual([alan.id]);
    expect(await ids("_")).toEqual([]);

    const all = await searchProspects({ db, accountId: own, sort: "email", order: "asc", pageSize: 1 });
    expect(all).toMatchObject({
      total: 2,
      pageSize: 1,
      items: [{ id: ada.id, mergedIntoId: null, score: 0, filtered: false }],
    });
    expect(
      (await searchProspects({ db, accountId: own, sort: "email", order: "asc", pageSize: 1, page: 2 })).items[0]!.id,
    ).toBe(alan.id);
  });
});

describe("prospect detail", () => {
  it("shows fields, campaign, lists, tags, the activity timeline, registrations and failed registration requests", async () => {
    const campaign = await createCampaign(db, { accountId, name: "GoTo sync" });
    const p = await createProspect(db, { accountId, campaignId: campaign.id, company: "Acme", score: 15 });
    const w1 = await webinar("First webinar");
    const w2 = await webinar("Second webinar");
    await createRegistration(db, {
      accountId,
      webinarId: w1.id,
      prospectId: p.id,
      attended: true,
      attendanceSeconds: 1800,
      source: "FORM",
    });
    await activity(p.id, w1.id, "REGISTERED", new Date("2030-01-01T10:00:00Z"), 5);
    await activity(p.id, w1.id, "ATTENDED", new Date("2030-01-08T10:00:00Z"), 10);
    await db.registrationRequest.create({
      data: {
        accountId,
        prospectId: p.id,
        webinarId: w2.id,
        payload: {},
        status: "FAILED",
        attempts: 3,
        lastError: "GoTo said the webinar is full",
        giveUpAt: new Date(),
        source: "RULE",
      },
    });
    const list = await db.list.create({ data: { accountId, name: "Detail list" } });
    const tag = await db.tag.create({ data: { accountId, name: "Detail tag" } });
    await db.listMembership.create({ data: { listId: list.id, prospectId: p.id } });
    await db.prospectTag.create({ data: { tagId: tag.id, prospectId: p.id } });

    const detail = await getProspectDetail({ db, accountId, prospectId: p.id });
    expect(detail).toMatchObject({
      id: p.id,
      email: p.email,
      company: "Acme",
      score: 15,
      campaign: { id: campaign.id, name: "GoTo sync" },
      mergedInto: null,
      mergedFrom: [],
      lists: [{ id: list.id, name: "Detail list" }],
      tags: [{ id: tag.id, name: "Detail tag" }],
    });
    expect(detail.timeline.map((a) => [a.type, a.webinar.subject, a.points])).toEqual([
      ["ATTENDED", "First webinar", 10],
      ["REGISTERED", "First webinar", 5],
    ]);
    expect(detail.registrations).toEqual([
      expect.objectContaining({
        webinar: expect.objectContaining({ id: w1.id, subject: "First webinar" }),
        source: "FORM",
        attended: true,
        minutesAttended: 30,
      }),
    ]);
    expect(detail.registrationRequests).toEqual([
      expect.objectContaining({
        webinar: { id: w2.id, subject: "Second webinar" },
        status: "FAILED",
        attempts: 3,
        lastError: "GoTo said the webinar is full",
        origin: "RULE", // an automation rule's request, as its source says
      }),
    ]);
    expect(JSON.stringify(detail)).not.toContain("payload");
  });

  it("is not found in another account", async () => {
    const foreigner = await createProspect(db, { accountId: otherAccountId });
    await expect(getProspectDetail({ db, accountId, prospectId: foreigner.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      updateProspect({ db, accountId, prospectId: foreigner.id, changes: { filtered: true } }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: foreigner.id } })).filtered).toBe(false);
  });
});

describe("prospect update", () => {
  it("edits basic fields and the filtered flag; a blank clears a field", async () => {
    const p = await createProspect(db, { accountId, company: "Old Co", jobTitle: "CTO" });
    const updated = await updateProspect({
      db,
      accountId,
      prospectId: p.id,
      changes: { company: " New Co ", jobTitle: "", filtered: true },
    });
    expect(updated).toMatchObject({ company: "New Co", jobTitle: null, filtered: true });
  });

  it("changes the e-mail but refuses one an active prospect has, ignoring case", async () => {
    const a = await createProspect(db, { accountId, email: "taken@example.test" });
    const b = await createProspect(db, { accountId });
    await expect(
      updateProspect({ db, accountId, prospectId: b.id, changes: { email: "TAKEN@example.test" } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "email" },
    });
    await expect(
      updateProspect({ db, accountId, prospectId: b.id, changes: { email: "not an email" } }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      details: { field: "email" },
    });
    await expect(
      updateProspect({ db, accountId, prospectId: b.id, changes: { email: " fresh@example.test " } }),
    ).resolves.toMatchObject({
      email: "fresh@example.test",
    });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: a.id } })).email).toBe("taken@example.test");
  });
});

describe("prospect merge", () => {
  it("moves history to the master except what the master already has, adds the score and fills blanks", async () => {
    const master = await createProspect(db, {
      accountId,
      email: "a@merge.test",
      company: null,
      jobTitle: "Boss",
      score: 10,
    });
    const old = await createProspect(db, {
      accountId,
      email: "b@merge.test",
      company: "B Corp",
      jobTitle: "Intern",
      score: 7,
    });
    const earlier = await createProspect(db, { accountId, email: "c@merge.test", mergedIntoId: old.id });
    const shared = await webinar("Both registered");
    const onlyOld = await webinar("Only the old record");
    const masterReg = await createRegistration(db, { accountId, webinarId: shared.id, prospectId: master.id });
    const oldShared = await createRegistration(db, {
      accountId,
      webinarId: shared.id,
      prospectId: old.id,
      attended: true,
    });
    const oldOnly = await createRegistration(db, { accountId, webinarId: onlyOld.id, prospectId: old.id });
    const when = new Date("2030-02-01T00:00:00Z");
    await activity(master.id, shared.id, "REGISTERED", when, 5);
    const oldSharedRegistered = await activity(old.id, shared.id, "REGISTERED", when, 5);
    const oldSharedAttended = await activity(old.id, shared.id, "ATTENDED", when, 2);
    const oldOnlyRegistered = await activity(old.id, onlyOld.id, "REGISTERED", when, 5);
    const list = await db.list.create({ data: { accountId, name: "Merge list" } });
    await db.listMembership.createMany({
      data: [
        { listId: list.id, prospectId: old.id },
        { listId: list.id, prospectId: master.id },
      ],
    });
    const tag = await db.tag.create({ data: { accountId, name: "Merge tag" } });
    await db.prospectTag.create({ data: { tagId: tag.id, prospectId: old.id } });

    const { master: result, moved } = await mergeProspects({ db, accountId, prospectId: old.id, intoId: master.id });
    expect(moved).toEqual({ registrations: 1, activities: 2, lists: 0, tags: 1 });

    const regOwner = async (id: string) =>
      (await db.webinarRegistration.findUniqueOrThrow({ where: { id } })).prospectId;
    expect(await regOwner(masterReg.id)).toBe(master.id);
    expect(await regOwner(oldShared.id)).toBe(old.id); // the master already had one for that webinar
    expect(await regOwner(oldOnly.id)).toBe(master.id);
    const activityOwner = async (id: string) => (await db.activity.findUniqueOrThrow({ where: { id } })).prospectId;
    expect(await activityOwner(oldSharedRegistered.id)).toBe(old.id);
    expect(await activityOwner(oldSharedAttended.id)).toBe(master.id);
    expect(await activityOwner(oldOnlyRegistered.id)).toBe(master.id);

    expect(result).toMatchObject({
      id: master.id,
      email: "a@merge.test",
      score: 17,
      company: "B Corp",
      jobTitle: "Boss",
    });
    expect(result.mergedFrom.map((p) => p.id).sort()).toEqual([old.id, earlier.id].sort());
    expect(result.lists).toEqual([{ id: list.id, name: "Merge list" }]);
    expect(result.tags).toEqual([{ id: tag.id, name: "Merge tag" }]);
    expect(result.timeline).toHaveLength(3);

    const oldAfter = await getProspectDetail({ db, accountId, prospectId: old.id });
    expect(oldAfter).toMatchObject({
      mergedInto: { id: master.id, email: "a@merge.test" },
      score: 0,
      lists: [],
      tags: [],
    });
    expect(oldAfter.registrations.map((r) => r.id)).toEqual([oldShared.id]);
    expect((await db.prospect.findUniqueOrThrow({ where: { id: earlier.id } })).mergedIntoId).toBe(master.id);
    // The merged-away record keeps its e-mail, and a new active prospect may take it again.
    await expect(createProspect(db, { accountId, email: "b@merge.test" })).resolves.toBeTruthy();
  });

  it("refuses merging into itself, twice, into a merged-away record or across accounts", async () => {
    const a = await createProspect(db, { accountId });
    const b = await createProspect(db, { accountId });
    const c = await createProspect(db, { accountId });
    const foreigner = await createProspect(db, { accountId: otherAccountId });
    await expect(mergeProspects({ db, accountId, prospectId: a.id, intoId: a.id })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { field: "intoId" },
    });
    await expect(mergeProspects({ db, accountId, prospectId: a.id, intoId: foreigner.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(mergeProspects({ db, accountId, prospectId: foreigner.id, intoId: a.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(mergeProspects({ db, accountId, prospectId: randomUUID(), intoId: a.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await mergeProspects({ db, accountId, prospectId: b.id, intoId: a.id });
    await expect(mergeProspects({ db, accountId, prospectId: b.id, intoId: c.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(mergeProspects({ db, accountId, prospectId: c.id, intoId: b.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`merge into that master instead`),
    });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: foreigner.id } })).mergedIntoId).toBeNull();
  });
});
