import { createCampaign, createConnector, createProspect, createRegistration, createWebinar } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAndLogin, type LoggedInUser } from "./auth-helpers";
import { asUser, createTestApi, type TestApi } from "./helpers";
import { parseCsv } from "./reports-csv";

let api: TestApi;
let me: LoggedInUser;
let them: LoggedInUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi("prospects-filters");
  me = await createUserAndLogin(api);
  them = await createUserAndLogin(api);
  const db = api.deps.db;
  const accountId = me.accountId;
  const spring = await createCampaign(db, { accountId, name: "Spring launch" });
  const theirCampaign = await createCampaign(db, { accountId: them.accountId });
  const ann = await createProspect(db, { accountId, email: "ann@f.test", score: 40, campaignId: spring.id });
  const bob = await createProspect(db, { accountId, email: "bob@f.test", score: 10 });
  const cid = await createProspect(db, { accountId, email: "cid@f.test", score: 70, campaignId: spring.id });
  const tag = await db.tag.create({ data: { accountId, name: "VIP" } });
  await db.prospectTag.createMany({
    data: [
      { tagId: tag.id, prospectId: ann.id },
      { tagId: tag.id, prospectId: cid.id },
    ],
  });
  const connector = await createConnector(db, { accountId });
  const webinar = await createWebinar(db, { accountId, connectorId: connector.id, status: "ENDED" });
  await createRegistration(db, { accountId, webinarId: webinar.id, prospectId: ann.id, attended: true });
  await createRegistration(db, { accountId, webinarId: webinar.id, prospectId: bob.id });
  const theirList = await api.deps.db.list.create({ data: { accountId: them.accountId, name: "Theirs" } });
  Object.assign(ids, {
    ann: ann.id,
    bob: bob.id,
    cid: cid.id,
    tag: tag.id,
    webinar: webinar.id,
    theirList: theirList.id,
    campaign: spring.id,
    theirCampaign: theirCampaign.id,
  });
});
afterAll(async () => api?.close());

const get = (url: string) => asUser(api, me).get(url);
const emails = (body: { items: { email: string }[] }) => body.items.map((p) => p.email).sort();

describe("prospects page filters and bulk actions", () => {
  it("filters by tag, webinar status and score range, together", async () => {
    expect(emails((await get(`/api/prospects?tagId=${ids.tag}`)).json())).toEqual(["ann@f.test", "cid@f.test"]);
    expect(emails((await get(`/api/prospects?webinarId=${ids.webinar}&webinarStatus=attended`)).json())).toEqual([
      "ann@f.test",
    ]);
    expect(emails((await get(`/api/prospects?webinarId=${ids.webinar}`)).json())).toEqual(["ann@f.test", "bob@f.test"]);
    expect(emails((await get(`/api/prospects?tagId=${ids.tag}&scoreMin=50&scoreMax=80`)).json())).toEqual([
      "cid@f.test",
    ]);
  });

  it("filters by campaign, alone and with the other filters, and refuses another account's campaign", async () => {
    expect(emails((await get(`/api/prospects?campaignId=${ids.campaign}`)).json())).toEqual([
      "ann@f.test",
      "cid@f.test",
    ]);
    expect(emails((await get(`/api/prospects?campaignId=${ids.campaign}&scoreMax=50`)).json())).toEqual(["ann@f.test"]);
    const foreign = await get(`/api/prospects?campaignId=${ids.theirCampaign}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain("campaignId");
  });

  it('lists "all" of a campaign\'s prospects through the bulk action, and no one else', async () => {
    const res = await api.app.inject({
      method: "POST",
      url: "/api/prospects/actions",
      headers: me.headers,
      payload: {
        prospectIds: "all",
        filters: { campaignId: ids.campaign },
        action: "ADD_TO_LIST",
        listName: "Spring follow-up",
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ matched: 2, affected: 2, target: { name: "Spring follow-up" } });
    const listId = res.json().target.id as string;
    expect(emails((await get(`/api/prospects?listId=${listId}`)).json())).toEqual(["ann@f.test", "cid@f.test"]);
  });

  it("answers 400 naming the filter when an id is another account's, or a status lacks its webinar", async () => {
    const foreign = await get(`/api/prospects?listId=${ids.theirList}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain("listId");
    const noWebinar = await get("/api/prospects?webinarStatus=absent");
    expect(noWebinar.statusCode).toBe(400);
    expect(noWebinar.json().message).toContain("webinarId");
  });

  it("answers 400 naming a score bound past the integers a score holds, and reads an empty bound as none", async () => {
    for (const url of ["/api/prospects?scoreMin=3000000000", "/api/prospects.csv?scoreMax=-3000000000"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/score(Min|Max)/);
    }
    expect(emails((await get(`/api/prospects?tagId=${ids.tag}&scoreMax=`)).json())).toEqual([
      "ann@f.test",
      "cid@f.test",
    ]);
  });

  it("exports the filtered set as CSV", async () => {
    const res = await get(`/api/prospects.csv?tagId=${ids.tag}`);
    expect(res.statusCode).toBe(200);
    const rows = parseCsv(res.body.slice(1));
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(["ann@f.test", "cid@f.test"]);
  });

  it('tags "all" of the filtered set, or the chosen rows, once', async () => {
    const all = await asUser(api, me).post("/api/prospects/actions", {
      prospectIds: "all",
      filters: { scoreMin: 30 },
      action: "ADD_TAG",
      tagName: "Hot",
    });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ matched: 2, affected: 2, target: { name: "Hot" } });
    // A filter at fault is named where it sits (the body's own listId names the target list).
    const foreign = await asUser(api, me).post("/api/prospects/actions", {
      prospectIds: "all",
      filters: { listId: ids.theirList },
      action: "ADD_TAG",
      tagName: "Hot",
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain("filters.listId");
    const chosen = await asUser(api, me).post("/api/prospects/actions", {
      prospectIds: [ids.bob, ids.ann],
      action: "ADD_TO_LIST",
      listName: "Follow up",
    });
    expect(chosen.json()).toMatchObject({ matched: 2, affected: 2 });
    const again = await asUser(api, me).post("/api/prospects/actions", {
      prospectIds: [ids.bob],
      action: "ADD_TO_LIST",
      listName: "Follow up",
    });
    expect(again.json()).toMatchObject({ matched: 1, affected: 0 });
    // Another account's user cannot reach these prospects by id.
    const theirs = await asUser(api, them).post("/api/prospects/actions", {
      prospectIds: [ids.ann],
      action: "ADD_TAG",
      tagName: "Stolen",
    });
    expect(theirs.json()).toMatchObject({ matched: 0, affected: 0 });
    const missing = await asUser(api, me).post("/api/prospects/actions", { prospectIds: "all", action: "ADD_TAG" });
    expect(missing.statusCode).toBe(400);
  });
});
