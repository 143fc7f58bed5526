import { createCampaign, createVerifiedConnector } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { useUser } from "./auth-helpers";
import { useApiOverSim } from "./connectors-env";
import { asUser } from "./helpers";

const { sim, api } = useApiOverSim("tenancy");
const alice = useUser(api);
const bob = useUser(api);

describe("tenant isolation of connectors and campaigns", () => {
  it("answers 404 to another account on every connector route and changes nothing", async () => {
    const { connector } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, {
      accountId: alice.accountId,
      sim,
    });
    const before = await api.deps.db.connector.findUniqueOrThrow({ where: { id: connector.id } });
    const routes: [method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object][] = [
      ["GET", `/api/connectors/${connector.id}`],
      ["PATCH", `/api/connectors/${connector.id}`, { name: "taken over" }],
      ["POST", `/api/connectors/${connector.id}/disable`],
      ["POST", `/api/connectors/${connector.id}/enable`],
      ["POST", `/api/connectors/${connector.id}/verify`],
      ["DELETE", `/api/connectors/${connector.id}`],
    ];
    for (const [method, url, payload] of routes) {
      const res = await api.app.inject({ method, url, headers: bob.headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().message).toBe(`Connector ${connector.id} was not found`);
    }
    const list = await asUser(api, bob).get("/api/connectors");
    expect(list.json().items).toEqual([]);
    expect(await api.deps.db.connector.findUniqueOrThrow({ where: { id: connector.id } })).toEqual(before);
    expect(await api.deps.db.oAuthState.count({ where: { connectorId: connector.id } })).toBe(0);
    // and the owner still sees it
    const own = await asUser(api, alice).get(`/api/connectors/${connector.id}`);
    expect(own.statusCode).toBe(200);
  });

  it("never shows or accepts another account's campaigns", async () => {
    const campaign = await createCampaign(api.deps.db, { accountId: alice.accountId, name: "Alice only" });
    const list = await asUser(api, bob).get("/api/campaigns");
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(campaign.id);
    const create = await asUser(api, bob).post("/api/connectors", {
      name: "Bob",
      connectorUserEmail: "bob-host@example.com",
      campaignId: campaign.id,
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().fields[0].field).toBe("campaignId");
    const mine = await asUser(api, bob).post("/api/connectors", {
      name: "Bob",
      connectorUserEmail: "bob-host@example.com",
    });
    const patch = await asUser(api, bob).patch(`/api/connectors/${mine.json().id}`, { campaignId: campaign.id });
    expect(patch.statusCode).toBe(400);
    // same name in two accounts is fine
    const same = await asUser(api, bob).post("/api/campaigns", { name: "Alice only" });
    expect(same.statusCode).toBe(201);
  });

  it("does not let one account's session verify another's connector through the callback", async () => {
    const { connector } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, {
      accountId: alice.accountId,
      sim,
    });
    const start = await asUser(api, alice).post(`/api/connectors/${connector.id}/verify`);
    const state = new URL(start.json().authorizationUrl).searchParams.get("state");
    const res = await api.app.inject({
      method: "GET",
      url: `/oauth/callback?code=x&state=${state}`,
      headers: { cookie: bob.headers.cookie },
    });
    expect(new URL(String(res.headers.location), "http://x").searchParams.get("error")).toBe("session_mismatch");
  });
});
