import { createConnector, createProspect, createRegistration, createWebinar } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { SYNC_NOW_PER_MINUTE } from "../src/routes/sync-now";
import { createUserAndLogin, type LoggedInUser, useUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

const api = useTestApi("syncnow");
const admin = useUser(api);

const inject = (method: "GET" | "POST", url: string, user: LoggedInUser = admin) =>
  api.app.inject({ method, url, headers: user.headers, ...(method === "POST" ? { payload: {} } : {}) });

describe("connector sync status", () => {
  it("shows the initial sync's progress, then the last and next sync", async () => {
    const db = api.deps.db;
    const inTenMinutes = new Date(Date.now() + 10 * 60_000);
    const connector = await createConnector(db, {
      accountId: admin.accountId,
      status: "VERIFIED",
      backfillDueAt: new Date(),
      nextDiscoveryAt: inTenMinutes,
    });
    const synced = await createWebinar(db, {
      accountId: admin.accountId,
      connectorId: connector.id,
      lastPolledAt: new Date(),
      nextPollAt: new Date(Date.now() + 5 * 60_000),
    });
    const pending = await createWebinar(db, {
      accountId: admin.accountId,
      connectorId: connector.id,
      nextPollAt: new Date(),
    });
    await createWebinar(db, { accountId: admin.accountId, connectorId: connector.id, status: "CANCELLED" });
    for (let i = 0; i < 3; i++) {
      const prospect = await createProspect(db, { accountId: admin.accountId });
      await createRegistration(db, { accountId: admin.accountId, webinarId: synced.id, prospectId: prospect.id });
    }

    const during = await inject("GET", "/api/connectors/sync-status");
    expect(during.statusCode).toBe(200);
    const row = during.json().items.find((s: { connectorId: string }) => s.connectorId === connector.id);
    expect(row).toMatchObject({ initial: true, webinarsFound: 2, webinarsSynced: 1, registrants: 3, lastSyncAt: null });

    const finishedAt = new Date();
    await db.webinar.update({ where: { id: pending.id }, data: { lastPolledAt: finishedAt, nextPollAt: null } });
    await db.connector.update({ where: { id: connector.id }, data: { backfillDueAt: null } });
    await db.syncRun.create({
      data: {
        accountId: admin.accountId,
        connectorId: connector.id,
        webinarId: pending.id,
        kind: "REGISTRANTS",
        status: "SUCCEEDED",
        finishedAt,
      },
    });
    const after = (await inject("GET", "/api/connectors/sync-status")).json();
    const done = after.items.find((s: { connectorId: string }) => s.connectorId === connector.id);
    expect(done).toMatchObject({ initial: false, running: false, webinarsFound: 2, webinarsSynced: 2 });
    // "Last sync" is the webinar's sync that finished, even though no discovery ran yet.
    expect(done.lastSyncAt).toBe(finishedAt.toISOString());
    // The earlier of the next discovery and the next webinar poll.
    expect(new Date(done.nextSyncAt).getTime()).toBeLessThan(inTenMinutes.getTime());
  });

  it("explains a connector in error in plain words with the action to take", async () => {
    const connector = await createConnector(api.deps.db, {
      accountId: admin.accountId,
      status: "ERROR",
      lastError:
        "GoTo refused to renew access (invalid_grant): refresh token revoked. Verify the connector again to reconnect.",
    });
    const list = (await inject("GET", "/api/connectors")).json();
    const view = list.items.find((c: { id: string }) => c.id === connector.id);
    expect(view.problem).toEqual({
      message: "GoTo refused the connection: the organizer revoked access.",
      action: "Verify again.",
      reverify: true,
    });
    expect(
      list.items
        .filter((c: { status: string }) => c.status !== "ERROR")
        .every((c: { problem: unknown }) => c.problem === null),
    ).toBe(true);
  });

  it("tells when a connector that never synced last failed", async () => {
    const db = api.deps.db;
    const connector = await createConnector(db, { accountId: admin.accountId, status: "ERROR", lastError: "x" });
    const failedAt = new Date(Date.now() - 3 * 60_000);
    for (const [minutesAgo, finishedAt] of [
      [10, new Date(Date.now() - 9 * 60_000)],
      [4, failedAt],
    ] as const) {
      await db.syncRun.create({
        data: {
          accountId: admin.accountId,
          connectorId: connector.id,
          kind: "DISCOVERY",
          status: "FAILED",
          startedAt: new Date(Date.now() - minutesAgo * 60_000),
          finishedAt,
        },
      });
    }
    const items = (await inject("GET", "/api/connectors/sync-status")).json().items;
    const row = items.find((s: { connectorId: string }) => s.connectorId === connector.id);
    expect(row).toMatchObject({ lastSyncAt: null, lastFailedAt: failedAt.toISOString() });
  });

  it("names the webinar of each sync run and explains its error", async () => {
    const db = api.deps.db;
    const connector = await createConnector(db, { accountId: admin.accountId });
    const webinar = await createWebinar(db, {
      accountId: admin.accountId,
      connectorId: connector.id,
      subject: "Q3 launch",
    });
    await db.syncRun.create({
      data: {
        accountId: admin.accountId,
        connectorId: connector.id,
        webinarId: webinar.id,
        kind: "REGISTRANTS",
        status: "FAILED",
        error: "GotoNetworkError: connect ECONNREFUSED 127.0.0.1:1",
      },
    });
    const runs = (await inject("GET", `/api/sync-runs?webinarId=${webinar.id}`)).json();
    expect(runs.items[0]).toMatchObject({
      webinarSubject: "Q3 launch",
      problem: { message: "GoTo Webinar could not be reached.", reverify: false },
    });
  });
});

describe("Sync now", () => {
  it("enqueues the connector's discovery with its deterministic id, polls its upcoming webinars now, and is rate-limited", async () => {
    const db = api.deps.db;
    const later = new Date(Date.now() + 3_600_000);
    const connector = await createConnector(db, {
      accountId: admin.accountId,
      status: "VERIFIED",
      nextDiscoveryAt: later,
    });
    const upcoming = await createWebinar(db, {
      accountId: admin.accountId,
      connectorId: connector.id,
      nextPollAt: later,
    });

    const first = await inject("POST", `/api/connectors/${connector.id}/sync`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ queued: true, job: "discover-webinars", jobId: `connector-${connector.id}` });
    const job = await api.deps.queues.sync.getJob(`connector-${connector.id}`);
    expect(job?.name).toBe("discover-webinars");
    expect(job?.data.payload).toEqual({ connectorId: connector.id });
    const stored = await db.connector.findUniqueOrThrow({ where: { id: connector.id } });
    expect(stored.nextDiscoveryAt!.getTime()).toBeLessThan(later.getTime());
    const polled = await db.webinar.findUniqueOrThrow({ where: { id: upcoming.id } });
    expect(polled.nextPollAt!.getTime()).toBeLessThan(later.getTime());

    // Still waiting (no worker here): not queued twice.
    const second = await inject("POST", `/api/connectors/${connector.id}/sync`);
    expect(second.json()).toMatchObject({ queued: false, jobId: `connector-${connector.id}` });
    for (let i = 2; i < SYNC_NOW_PER_MINUTE; i++) await inject("POST", `/api/connectors/${connector.id}/sync`);
    const limited = await inject("POST", `/api/connectors/${connector.id}/sync`);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/synced on request a moment ago.*Try again in \d+ s/);
  });

  it("enqueues one webinar's sync; refuses cancelled webinars, unverified connectors, marketers and other accounts", async () => {
    const db = api.deps.db;
    const connector = await createConnector(db, { accountId: admin.accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId: admin.accountId, connectorId: connector.id });
    const answer = await inject("POST", `/api/webinars/${webinar.id}/sync`);
    expect(answer.json()).toEqual({ queued: true, job: "sync-webinar", jobId: `webinar-${webinar.id}` });
    expect((await api.deps.queues.sync.getJob(`webinar-${webinar.id}`))?.data.payload).toEqual({
      webinarId: webinar.id,
    });

    const cancelled = await createWebinar(db, {
      accountId: admin.accountId,
      connectorId: connector.id,
      status: "CANCELLED",
    });
    const refused = await inject("POST", `/api/webinars/${cancelled.id}/sync`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toMatch(/cancelled in GoTo/);

    const unverified = await createConnector(db, { accountId: admin.accountId });
    const notYet = await inject("POST", `/api/connectors/${unverified.id}/sync`);
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().message).toBe(
      "The connector is not verified yet: verify it on the Connectors page, then sync.",
    );

    const marketer = await createUserAndLogin(api, { accountId: admin.accountId, role: "MARKETER" });
    expect((await inject("POST", `/api/webinars/${webinar.id}/sync`, marketer)).statusCode).toBe(403);
    const stranger = await createUserAndLogin(api);
    expect((await inject("POST", `/api/connectors/${connector.id}/sync`, stranger)).statusCode).toBe(404);
    expect((await inject("POST", "/api/webinars/not-a-uuid/sync")).statusCode).toBe(404);
  });
});
