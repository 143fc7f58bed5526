import {
  createCampaign,
  createProspect,
  createRegistration,
  createVerifiedConnector,
  createWebinar,
} from "@gw/testing";
import { describe, expect, it } from "vitest";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { useApiOverSim } from "./connectors-env";
import { createConnectorOverApi, verifyConnector } from "./connectors-helpers";
import { injectAs } from "./helpers";

const { sim, api } = useApiOverSim("connectors");
const admin = useUser(api);

const inject = injectAs(api, admin);
const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => (res.json().fields ?? []).map((f) => f.field);

describe("creating connectors", () => {
  it("creates an UNVERIFIED connector with create-prospects on by default and the chosen campaign", async () => {
    const campaign = await createCampaign(api.deps.db, { accountId: admin.accountId, name: "GoToWebinar Sync" });
    const res = await inject("POST", "/api/connectors", {
      name: "Webinars",
      connectorUserEmail: "host@example.com",
      campaignId: campaign.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "Webinars",
      connectorUserEmail: "host@example.com",
      status: "UNVERIFIED",
      createProspects: true,
      campaignId: campaign.id,
      campaign: { id: campaign.id, name: "GoToWebinar Sync" },
      organizerKey: null,
      lastError: null,
      lastSyncAt: null,
      hasCustomOAuthClient: false,
    });
    const list = await inject("GET", "/api/connectors");
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(res.json().id);
  });

  it("names the field of every bad body with a 400", async () => {
    const cases: [object, string][] = [
      [{ connectorUserEmail: "a@example.com" }, "body.name"],
      [{ name: "x", connectorUserEmail: "not-an-email" }, "body.connectorUserEmail"],
      [{ name: "x", connectorUserEmail: "a@example.com", createProspects: "yes" }, "body.createProspects"],
      [{ name: "x", connectorUserEmail: "a@example.com", campaignId: "nope" }, "body.campaignId"],
      [{ name: "   ", connectorUserEmail: "a@example.com" }, "body.name"],
    ];
    for (const [payload, field] of cases) {
      const res = await inject("POST", "/api/connectors", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(res), JSON.stringify(payload)).toContain(field);
    }
    const typo = await inject("POST", "/api/connectors", {
      name: "x",
      connectorUserEmail: "a@example.com",
      createProspect: false,
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().message).toMatch(/createProspect/);
    const secretAlone = await inject("POST", "/api/connectors", {
      name: "x",
      connectorUserEmail: "b@example.com",
      oauthClientSecret: "s",
    });
    expect(secretAlone.statusCode).toBe(400);
    expect(fieldsOf(secretAlone)).toEqual(["oauthClientId"]);
    const badQuery = await inject("GET", "/api/campaigns?limit=0");
    expect(badQuery.statusCode).toBe(400);
    expect(fieldsOf(badQuery)).toEqual(["querystring.limit"]);
  });

  it("refuses a campaign of another account, naming campaignId", async () => {
    const other = await createUserAndLogin(api);
    const theirs = await createCampaign(api.deps.db, { accountId: other.accountId });
    const res = await inject("POST", "/api/connectors", {
      name: "x",
      connectorUserEmail: "c@example.com",
      campaignId: theirs.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: "campaignId", message: `campaignId ${theirs.id} is not a campaign of this account` },
    ]);
  });

  it("refuses a second connector for the same organizer e-mail with a clear message", async () => {
    const first = await createConnectorOverApi(api, admin, { connectorUserEmail: "Same@Example.com" });
    const res = await inject("POST", "/api/connectors", { name: "again", connectorUserEmail: "same@example.com" });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      `Connector "${first.name}" already connects the organizer same@example.com; an account has one connector per organizer.`,
    );
  });

  it("lets only admins change connectors; marketers may look", async () => {
    const marketer = await createUserAndLogin(api, { accountId: admin.accountId, role: "MARKETER" });
    const connector = await createConnectorOverApi(api, admin);
    expect((await inject("GET", `/api/connectors/${connector.id}`, undefined, marketer)).statusCode).toBe(200);
    const refused = await inject("PATCH", `/api/connectors/${connector.id}`, { name: "mine" }, marketer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe("Only an admin of this account may do this.");
    expect(
      (await inject("POST", "/api/connectors", { name: "m", connectorUserEmail: "m@example.com" }, marketer))
        .statusCode,
    ).toBe(403);
  });

  it("refuses a change without the CSRF token", async () => {
    const res = await api.app.inject({
      method: "POST",
      url: "/api/connectors",
      headers: { cookie: admin.headers.cookie },
      payload: { name: "x", connectorUserEmail: "csrf@example.com" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/x-csrf-token/);
    expect(await api.deps.db.connector.count({ where: { connectorUserEmail: "csrf@example.com" } })).toBe(0);
  });
});

describe("changing connectors", () => {
  it("updates the settings", async () => {
    const connector = await createConnectorOverApi(api, admin);
    const campaign = await createCampaign(api.deps.db, { accountId: admin.accountId });
    const res = await inject("PATCH", `/api/connectors/${connector.id}`, {
      name: "Renamed",
      createProspects: false,
      campaignId: campaign.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "Renamed", createProspects: false, campaignId: campaign.id });
    const cleared = await inject("PATCH", `/api/connectors/${connector.id}`, { campaignId: null });
    expect(cleared.json()).toMatchObject({ campaignId: null, campaign: null });
    const empty = await inject("PATCH", `/api/connectors/${connector.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/at least one setting/);
  });

  it("disables (pausing sync) and enables a verified connector", async () => {
    const { connector } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, {
      accountId: admin.accountId,
      sim,
    });
    const off = await inject("POST", `/api/connectors/${connector.id}/disable`);
    expect(off.json().status).toBe("DISABLED");
    expect((await api.deps.db.connector.findUniqueOrThrow({ where: { id: connector.id } })).refreshTokenEnc).toBe(
      connector.refreshTokenEnc,
    );
    const verify = await inject("POST", `/api/connectors/${connector.id}/verify`);
    expect(verify.statusCode).toBe(422);
    expect(verify.json().message).toMatch(/enable it before verifying/);
    const on = await inject("POST", `/api/connectors/${connector.id}/enable`);
    expect(on.json().status).toBe("VERIFIED");
    const neverVerified = await createConnectorOverApi(api, admin);
    await inject("POST", `/api/connectors/${neverVerified.id}/disable`);
    expect((await inject("POST", `/api/connectors/${neverVerified.id}/enable`)).json().status).toBe("UNVERIFIED");
  });
});

describe("deleting connectors", () => {
  async function connectorWithData() {
    const { connector, organizer } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, {
      accountId: admin.accountId,
      sim,
    });
    const webinar = await createWebinar(api.deps.db, { accountId: admin.accountId, connectorId: connector.id });
    const prospect = await createProspect(api.deps.db, { accountId: admin.accountId });
    const registration = await createRegistration(api.deps.db, {
      accountId: admin.accountId,
      webinarId: webinar.id,
      prospectId: prospect.id,
    });
    const activity = await api.deps.db.activity.create({
      data: {
        accountId: admin.accountId,
        prospectId: prospect.id,
        webinarId: webinar.id,
        type: "REGISTERED",
        occurredAt: new Date(),
      },
    });
    return { connector, organizer, webinar, prospect, registration, activity };
  }

  it("hides the connector, erases its tokens and keeps its webinars, registrations, activities and prospects", async () => {
    const { connector, webinar, prospect, registration, activity } = await connectorWithData();
    await api.deps.db.webhookSubscription.create({
      data: {
        connectorId: connector.id,
        webhookKey: "123",
        userSubscriptionKey: "456",
        eventName: "registrant.added",
        state: "ACTIVE",
      },
    });
    const res = await inject("DELETE", `/api/connectors/${connector.id}`);
    expect(res.statusCode).toBe(204);

    expect((await inject("GET", `/api/connectors/${connector.id}`)).statusCode).toBe(404);
    expect((await inject("GET", "/api/connectors")).json().items.map((c: { id: string }) => c.id)).not.toContain(
      connector.id,
    );
    expect((await inject("DELETE", `/api/connectors/${connector.id}`)).statusCode).toBe(404);
    const stored = await api.deps.db.connector.findUniqueOrThrow({ where: { id: connector.id } });
    expect(stored).toMatchObject({
      status: "DISABLED",
      accessTokenEnc: null,
      refreshTokenEnc: null,
      nextDiscoveryAt: null,
      backfillDueAt: null,
    });
    expect(stored.deletedAt).toBeInstanceOf(Date);
    expect(await api.deps.db.webhookSubscription.count({ where: { connectorId: connector.id } })).toBe(0);

    expect(await api.deps.db.webinar.findUnique({ where: { id: webinar.id } })).not.toBeNull();
    expect(await api.deps.db.webinarRegistration.findUnique({ where: { id: registration.id } })).not.toBeNull();
    expect(await api.deps.db.activity.findUnique({ where: { id: activity.id } })).not.toBeNull();
    expect(await api.deps.db.prospect.findUnique({ where: { id: prospect.id } })).not.toBeNull();
  });

  it("still deletes locally when GoTo cannot be reached", async () => {
    const { connector, activity } = await connectorWithData();
    await sim.control.addFault({ path: "/G2W/", type: "503", count: 100 });
    try {
      expect((await inject("DELETE", `/api/connectors/${connector.id}`)).statusCode).toBe(204);
    } finally {
      await sim.control.clearFaults();
    }
    expect((await api.deps.db.connector.findUniqueOrThrow({ where: { id: connector.id } })).deletedAt).toBeInstanceOf(
      Date,
    );
    expect(await api.deps.db.activity.findUnique({ where: { id: activity.id } })).not.toBeNull();
  });

  it("gives the deleted connector's webinars to a new connector of the same organizer", async () => {
    const { connector, organizer, webinar, activity } = await connectorWithData();
    await inject("DELETE", `/api/connectors/${connector.id}`);
    const again = await createConnectorOverApi(api, admin, { connectorUserEmail: organizer.email });
    expect((await verifyConnector(api, admin, again.id, organizer.organizerKey)).params.get("verified")).toBe(again.id);
    expect((await api.deps.db.webinar.findUniqueOrThrow({ where: { id: webinar.id } })).connectorId).toBe(again.id);
    expect(await api.deps.db.activity.findUnique({ where: { id: activity.id } })).not.toBeNull();
    expect(await api.deps.db.connector.findUnique({ where: { id: connector.id } })).toBeNull();
  });
});

describe("campaigns", () => {
  it("lists and creates campaigns; names are unique per account", async () => {
    const user = await createUserAndLogin(api);
    const created = await inject("POST", "/api/campaigns", { name: "GoToWebinar Sync" }, user);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "GoToWebinar Sync" });
    const duplicate = await inject("POST", "/api/campaigns", { name: "GoToWebinar Sync" }, user);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().fields).toEqual([
      { field: "name", message: 'A campaign named "GoToWebinar Sync" already exists in this account.' },
    ]);
    await inject("POST", "/api/campaigns", { name: "Another" }, user);
    const list = await inject("GET", "/api/campaigns?search=sync", undefined, user);
    expect(list.json().items.map((c: { name: string }) => c.name)).toEqual(["GoToWebinar Sync"]);
    const missing = await inject("POST", "/api/campaigns", {}, user);
    expect(fieldsOf(missing)).toEqual(["body.name"]);
  });
});

describe("OpenAPI", () => {
  it("documents the connector, campaign, auth and callback routes without secret fields", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/docs/json" })).json();
    for (const path of [
      "/api/connectors",
      "/api/connectors/{id}",
      "/api/connectors/{id}/verify",
      "/api/connectors/{id}/disable",
      "/api/campaigns",
      "/api/auth/login",
      "/api/auth/me",
      "/oauth/callback",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const connector = JSON.stringify(doc.paths["/api/connectors/{id}"].get.responses["200"]);
    // every schema these routes point at is in the document: no $ref dangles
    for (const path of Object.keys(doc.paths).filter(
      (p) => /^\/api\/(connectors|campaigns|auth)|^\/oauth/.test(p) && !p.includes("webhooks"),
    )) {
      for (const [, name] of JSON.stringify(doc.paths[path]).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
        expect(doc.components?.schemas ?? {}, `${path} → ${name}`).toHaveProperty([name!]);
    }
    expect(connector).toContain("hasCustomOAuthClient");
    expect(connector).not.toMatch(/tokenEnc|SecretEnc|accessToken|refreshToken/);
  });
});
