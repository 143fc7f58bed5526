import { createConnector, createWebinar } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

const api = useTestApi("syncruns");
const user = useUser(api);

describe("sync runs API", () => {
  it("needs a session", async () => {
    expect((await api.app.inject({ method: "GET", url: "/api/sync-runs" })).statusCode).toBe(401);
  });

  it("pages through the account's runs newest first, by connector or webinar, never another account's", async () => {
    const db = api.deps.db;
    const connector = await createConnector(db, { accountId: user.accountId });
    const webinar = await createWebinar(db, { accountId: user.accountId, connectorId: connector.id });
    const base = Date.now();
    for (let i = 0; i < 5; i++) {
      await db.syncRun.create({
        data: {
          accountId: user.accountId,
          connectorId: connector.id,
          webinarId: i % 2 === 0 ? webinar.id : null,
          kind: i % 2 === 0 ? "REGISTRANTS" : "DISCOVERY",
          status: i === 4 ? "FAILED" : "SUCCEEDED",
          startedAt: new Date(base + i * 1000),
          fetched: i,
          apiRequests: 1,
          error: i === 4 ? "GotoServerError: GoTo answered 503" : null,
        },
      });
    }
    const other = await createUserAndLogin(api);
    await db.syncRun.create({ data: { accountId: other.accountId, kind: "DISCOVERY" } });

    const first = await api.app.inject({ method: "GET", url: "/api/sync-runs?limit=2", headers: user.headers });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((r: { fetched: number }) => r.fetched)).toEqual([4, 3]);
    expect(page1.items[0]).toMatchObject({
      status: "FAILED",
      error: "GotoServerError: GoTo answered 503",
      kind: "REGISTRANTS",
    });
    const second = await api.app.inject({
      method: "GET",
      url: `/api/sync-runs?limit=2&cursor=${page1.nextCursor}`,
      headers: user.headers,
    });
    const page2 = second.json();
    expect(page2.items.map((r: { fetched: number }) => r.fetched)).toEqual([2, 1]);
    const third = (
      await api.app.inject({
        method: "GET",
        url: `/api/sync-runs?limit=2&cursor=${page2.nextCursor}`,
        headers: user.headers,
      })
    ).json();
    expect(third).toMatchObject({ items: [{ fetched: 0 }], nextCursor: null });

    const ofWebinar = (
      await api.app.inject({ method: "GET", url: `/api/sync-runs?webinarId=${webinar.id}`, headers: user.headers })
    ).json();
    expect(ofWebinar.items.map((r: { fetched: number }) => r.fetched)).toEqual([4, 2, 0]);
    const ofConnector = (
      await api.app.inject({ method: "GET", url: `/api/sync-runs?connectorId=${connector.id}`, headers: other.headers })
    ).json();
    expect(ofConnector.items).toEqual([]);
  });

  it("answers 400 naming the parameter for a bad filter or cursor", async () => {
    const bad = await api.app.inject({ method: "GET", url: "/api/sync-runs?connectorId=nope", headers: user.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe("querystring.connectorId");
    const cursor = await api.app.inject({ method: "GET", url: "/api/sync-runs?cursor=garbage", headers: user.headers });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json()).toMatchObject({ fields: [{ field: "cursor" }] });
  });
});
