import { randomUUID } from "node:crypto";
import { listenForNotifications, type NotificationListener, pgQuery } from "@gw/db";
import { startTcpProxy, type TcpProxy, useTestDatabase, waitUntil } from "@gw/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// The consumers' LISTEN connection (issue 16's review, M4): a silent loss is found, and each loss
// makes one new connection, never two.
const database = useTestDatabase("listen");
const { db } = database;
let proxy: TcpProxy;
let listener: NotificationListener | undefined;

beforeEach(async () => {
  const target = new URL(database.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
});
afterEach(async () => {
  await listener?.close();
  await proxy.close();
});

function listen(channel: string, timing: { pingMs: number; pingTimeoutMs: number }) {
  const url = new URL(database.url);
  url.host = proxy.address;
  const heard: string[] = [];
  const state = { listening: 0, heard };
  listener = listenForNotifications({
    databaseUrl: url.toString(),
    channel,
    onNotification: (payload) => heard.push(payload ?? ""),
    onListening: () => {
      state.listening += 1;
    },
    retryMs: 50,
    ...timing,
  });
  return state;
}

const sessionsListening = async (channel: string) =>
  (
    await pgQuery<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [`listen:${channel}`],
    )
  )[0]?.n;

describe("listenForNotifications", () => {
  it("finds a connection that went silent, listens again and hears what is sent next", async () => {
    const channel = `c_${randomUUID().slice(0, 8)}`;
    const state = listen(channel, { pingMs: 200, pingTimeoutMs: 300 });
    await waitUntil("listening", async () => state.listening === 1, { timeoutMs: 5_000, everyMs: 10 });
    proxy.stall();
    await waitUntil("listening again", async () => state.listening === 2, { timeoutMs: 5_000, everyMs: 20 });
    await pgQuery(db, "SELECT pg_notify($1, 'after')", [channel]);
    await waitUntil("the notification", async () => state.heard.includes("after"), { timeoutMs: 5_000, everyMs: 10 });
  });

  it("makes one new connection per loss, even when a ping and the connection's error both report it", async () => {
    const channel = `c_${randomUUID().slice(0, 8)}`;
    const state = listen(channel, { pingMs: 5, pingTimeoutMs: 1_000 });
    for (let loss = 1; loss <= 3; loss += 1) {
      await waitUntil("listening", async () => state.listening === loss, { timeoutMs: 5_000, everyMs: 5 });
      await proxy.cut();
      await proxy.restore();
    }
    await waitUntil("listening after the last loss", async () => state.listening === 4, { timeoutMs: 5_000 });
    // Every reconnect that was going to happen has happened by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(state.listening).toBe(4);
    expect(await sessionsListening(channel)).toBe(1);
  });
});
