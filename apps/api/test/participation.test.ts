import { type Db, pgQuery } from "@gw/db";
import { recordActivities } from "@gw/domain/scoring";
import { createAccount, createConnector, createProspect, createRegistration, createWebinar } from "@gw/testing";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { useUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

let token: string;

const api = useTestApi("feed");
const user = useUser(api);
beforeAll(async () => {
  const res = await api.app.inject({
    method: "POST",
    url: "/api/tokens",
    headers: user.headers,
    payload: { name: "warehouse", scopes: ["read"] },
  });
  token = res.json().token;
});

interface FeedItem {
  id: string;
  type: string;
  minutes?: number;
  prospect: { id: string; email: string } | null;
  webinar: { id: string } | null;
}

async function page(since?: string, limit = 50) {
  const query = new URLSearchParams({ limit: String(limit), ...(since ? { since } : {}) });
  const res = await api.app.inject({
    method: "GET",
    url: `/api/participation?${query}`,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: FeedItem[]; nextCursor: string; hasMore: boolean };
}

async function webinarWithProspects(db: Db, accountId: string, count: number) {
  const connector = await createConnector(db, { accountId });
  const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
  const prospects = [];
  for (let i = 0; i < count; i++) prospects.push(await createProspect(db, { accountId }));
  return { webinar, prospects };
}

const points = { REGISTERED: 0, ACCEPTED: 0, ATTENDED: 0, CANCELLED: 0 } as Record<string, number>;

describe("GET /api/participation", () => {
  it("reports registered, attended with minutes and cancelled in order, with the prospect and webinar", async () => {
    const { webinar, prospects } = await webinarWithProspects(api.deps.db, user.accountId, 1);
    const prospect = prospects[0]!;
    await createRegistration(api.deps.db, {
      accountId: user.accountId,
      webinarId: webinar.id,
      prospectId: prospect.id,
    });
    const record = (type: "REGISTERED" | "ATTENDED" | "CANCELLED", details: Record<string, unknown> = {}) =>
      recordActivities({
        db: api.deps.db,
        accountId: user.accountId,
        points: points as never,
        refreshDetails: true,
        activities: [{ prospectId: prospect.id, webinarId: webinar.id, type, occurredAt: new Date(), details }],
      });
    await record("REGISTERED");
    await record("ATTENDED", { attendanceSeconds: 1500 });
    await record("ATTENDED", { attendanceSeconds: 2400 }); // late data: more minutes
    await record("ATTENDED", { attendanceSeconds: 2400 }); // unchanged: no change
    await record("CANCELLED");

    const feed = await page();
    const mine = feed.items.filter((item) => item.prospect?.id === prospect.id);
    expect(mine.map((item) => [item.type, item.minutes])).toEqual([
      ["participation.registered", undefined],
      ["participation.attended", 25],
      ["participation.attended", 40],
      ["participation.cancelled", undefined],
    ]);
    expect(mine[0]).toMatchObject({ prospect: { email: prospect.email }, webinar: { id: webinar.id } });
    expect(new Set(mine.map((item) => item.id)).size).toBe(4);
  });

  it("keeps accounts apart and refuses a cursor it did not give out", async () => {
    const other = await createAccount(api.deps.db);
    const { webinar, prospects } = await webinarWithProspects(api.deps.db, other.id, 1);
    await recordActivities({
      db: api.deps.db,
      accountId: other.id,
      points: points as never,
      activities: [{ prospectId: prospects[0]!.id, webinarId: webinar.id, type: "REGISTERED", occurredAt: new Date() }],
    });
    const all = await page(undefined, 1000);
    expect(all.items.some((item) => item.prospect?.id === prospects[0]!.id)).toBe(false);
    const bad = await api.app.inject({
      method: "GET",
      url: "/api/participation?since=not-a-cursor",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("nextCursor");
  });

  it("does not hand out a change of a later transaction before an earlier one still open has committed", async () => {
    const { webinar, prospects } = await webinarWithProspects(api.deps.db, user.accountId, 2);
    const slow = prospects[0]!;
    const fast = prospects[1]!;
    const start = await drain();
    const client = new pg.Client({ connectionString: api.database.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Activity" ("accountId", "prospectId", "webinarId", "type", "occurredAt") VALUES ($1, $2, $3, 'REGISTERED', now())`,
        [user.accountId, slow.id, webinar.id],
      );
      // A later transaction commits while the first is still open.
      await recordActivities({
        db: api.deps.db,
        accountId: user.accountId,
        points: points as never,
        activities: [{ prospectId: fast.id, webinarId: webinar.id, type: "REGISTERED", occurredAt: new Date() }],
      });
      const during = await page(start);
      expect(during.items).toEqual([]);
      expect(during.nextCursor).toBe(start);
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    const after = await page(start);
    expect(after.items.map((item) => item.prospect?.id)).toEqual([slow.id, fast.id]);
  });

  it("pages every change exactly once while many writers commit concurrently", async () => {
    const writers = 6;
    const perWriter = 25;
    const { webinar, prospects } = await webinarWithProspects(api.deps.db, user.accountId, writers * perWriter);
    let cursor = await drain();
    const seen: string[] = [];
    let writing = true;
    const writes = Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const client = new pg.Client({ connectionString: api.database.url });
        await client.connect();
        try {
          for (let i = 0; i < perWriter; i++) {
            const prospect = prospects[w * perWriter + i]!;
            await client.query("BEGIN");
            await client.query(
              `INSERT INTO "Activity" ("accountId", "prospectId", "webinarId", "type", "occurredAt") VALUES ($1, $2, $3, 'REGISTERED', now())`,
              [user.accountId, prospect.id, webinar.id],
            );
            // Transactions stay open for a varying while, so ids and commits interleave.
            if (i % 3 === w % 3) await new Promise((resolve) => setTimeout(resolve, 5 + ((i * 7 + w) % 20)));
            await client.query(
              `INSERT INTO "Activity" ("accountId", "prospectId", "webinarId", "type", "occurredAt") VALUES ($1, $2, $3, 'ATTENDED', now())`,
              [user.accountId, prospect.id, webinar.id],
            );
            await client.query("COMMIT");
          }
        } finally {
          await client.end();
        }
      }),
    ).finally(() => {
      writing = false;
    });
    while (writing) {
      const next = await page(cursor, 7);
      seen.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
    }
    await writes;
    for (;;) {
      const next = await page(cursor, 7);
      seen.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
      if (!next.hasMore) break;
    }
    const expected = await pgQuery<{ id: string }>(
      api.deps.db,
      `SELECT 'evt_' || c.id AS id FROM "ChangeEvent" c WHERE c."accountId" = $1 AND c."webinarId" = $2 ORDER BY c.txid, c.id`,
      [user.accountId, webinar.id],
    );
    expect(expected.length).toBe(writers * perWriter * 2);
    const mine = new Set(expected.map((row) => row.id));
    expect(seen.filter((id) => mine.has(id))).toEqual(expected.map((row) => row.id));
  });
});

/** Reads the feed to its end and returns the cursor there. */
async function drain(): Promise<string> {
  let cursor: string | undefined;
  for (;;) {
    const next = await page(cursor, 1000);
    cursor = next.nextCursor;
    if (!next.hasMore) return cursor;
  }
}
