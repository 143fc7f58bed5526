// Webhook latency: from a registrant added in the GoTo stand-in (as if on GoTo's own page) to its
// REGISTERED activity in Postgres, through the real path: signed HTTP delivery → API receiver
// (verify, store, enqueue) → worker job → Postgres. Run: npx tsx bench/webhooks.ts [events] [per second]
// or npx tsx bench/webhooks.ts --ceiling (rising rates, 5 s each; prints the highest with p99 ≤ 1 s).
// Registrations are paced at a steady rate (default 20 per second) so the figure is latency, not
// the backlog of a burst (the burst is the end-to-end test's job).

import os from "node:os";
import { createDb } from "@gw/db";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { SecretBox } from "@gw/domain/security";
import { ensureWebhookSubscriptions } from "@gw/domain/webhook-subscriptions";
import { SimControl } from "@gw/gotowebinar-sim";
import {
  createAccount,
  createTestDatabase,
  createTestRedis,
  createVerifiedConnector,
  freePort,
  spawnEntry,
  testConfig,
} from "@gw/testing";
import { signWebhook } from "@gw/webhook-signature";
import setupTemplate from "../packages/testing/src/global-setup";

const CEILING = process.argv.includes("--ceiling");
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const EVENTS = Number(positional[0] ?? 1000);
const RATE = Number(positional[1] ?? 20);
const MAX_IN_FLIGHT = 16;
const TICK_MS = 10;
const TARGET_MS = 1000;

interface Round {
  rate: number;
  count: number;
  calls: number;
  sendSeconds: number;
  totalSeconds: number;
  behindMs: number;
  allApplied: boolean;
  toActivity: number[];
  toStored: number[];
  p99: number;
  load: string;
}

// The migrated template each test database is copied from (vitest makes it; a bench must too).
await setupTemplate();
// The stand-in runs as its own process, as GoTo is: its webhook deliveries (one POST per event)
// and the driver's pacing do not share one event loop.
const simPort = await freePort();
const simProcess = spawnEntry("apps/gotowebinar-sim/src/main.ts", {
  SIM_PORT: String(simPort),
  SIM_RATE_LIMIT: "0",
  LOG_LEVEL: "warn",
});
await simProcess.waitForOutput(/listening on/);
const sim = { url: `http://127.0.0.1:${simPort}`, control: new SimControl(`http://127.0.0.1:${simPort}`) };
const database = await createTestDatabase("bench_webhooks");
const redis = await createTestRedis("bench_webhooks");
const port = await freePort();
// The API and the worker run as their own processes, as deployed; this one plays GoTo and watches Postgres.
const env: Record<string, string> = {
  NODE_ENV: "test",
  LOG_LEVEL: "warn",
  DATABASE_URL: database.url,
  REDIS_URL: redis.url,
  REDIS_PREFIX: redis.prefix,
  MIGRATE_ON_START: "false",
  GOTO_AUTH_URL: sim.url,
  GOTO_API_URL: `${sim.url}/G2W/rest/v2`,
  GOTO_IDENTITY_URL: sim.url,
  GOTO_CLIENT_ID: "demo-client",
  GOTO_CLIENT_SECRET: "demo-secret",
  HOST: "127.0.0.1",
  PORT: String(port),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  WEBHOOKS_ALLOW_LOOPBACK: "true",
};
const config = testConfig({ databaseUrl: database.url, redisUrl: redis.url, redisPrefix: redis.prefix, env });
const api = spawnEntry("apps/api/src/main.ts", env);
const worker = spawnEntry("apps/worker/src/main.ts", env);
const db = createDb(config.databaseUrl);
const secretBox = new SecretBox(config.secrets.keys);
await waitFor(
  () =>
    fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    ),
  60_000,
);

try {
  const accountId = (await createAccount(db)).id;
  const { connector, organizer } = await createVerifiedConnector(db, secretBox, { accountId, sim });
  const gotoClient = await createConnectorGotoClient({ db, config, secretBox: secretBox, connectorId: connector.id });
  const subscribed = await ensureWebhookSubscriptions({ db, config, gotoClient, connector, secretBox: secretBox });
  if (!subscribed.enabled) throw new Error(`webhooks not enabled: ${subscribed.reason}`);
  const scenario = await sim.control.scenario({
    organizerKey: organizer.organizerKey,
    fireWebhooks: true,
    webinars: [{ startsInMinutes: 14 * 24 * 60, registrants: 0 }],
  });
  const webinarKey = scenario.webinars[0]?.webinarKey as string;
  // Applied by the worker process: it is up.
  const webinar = await waitFor(
    () => db.webinar.findUnique({ where: { connectorId_webinarKey: { connectorId: connector.id, webinarKey } } }),
    60_000,
  );

  // Warm-up (connections, JIT), not measured.
  for (let i = 0; i < 20; i++)
    await sim.control.register(webinarKey, {
      firstName: "Warm",
      lastName: `Up ${i}`,
      email: `warmup-${i}@example.com`,
    });
  await waitFor(async () => (await db.activity.count({ where: { webinarId: webinar.id, type: "REGISTERED" } })) >= 20);

  // The receiver alone: signed POSTs straight to the API, one at a time (GoTo waits for each answer).
  const secret = secretBox.decrypt(
    (await db.connector.findUniqueOrThrow({ where: { id: connector.id } })).webhookSecretEnc as string,
  );
  const receiverMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const body = JSON.stringify({
      eventName: "webinar.teleported",
      eventVersion: "1.0.0",
      product: "g2w",
      eventKey: `probe-${i}`,
      webinarKey: webinarKey,
    });
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/webhooks/goto/${connector.id}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signWebhook({ scheme: config.webhooks.signatureScheme, secret, body }),
      },
      body,
    });
    await res.text();
    if (i >= 20) receiverMs.push(performance.now() - t);
  }

  const secretFor = { connectorId: connector.id, webinarId: webinar.id };
  const rounds: Round[] = [];
  if (CEILING) {
    // Rising rates, 5 s each, on the same processes: the ceiling is the highest rate whose p99
    // stays within the target (the machine's load is printed with each round).
    for (const rate of [250, 500, 750, 1000, 1250, 1500, 2000]) {
      const round = await runRound(rate, rate * 5, `r${rate}`);
      rounds.push(round);
      printRound(round);
      if (round.p99 > TARGET_MS * 3) break;
    }
    const ok = rounds.filter((r) => r.p99 <= TARGET_MS && r.allApplied);
    console.log(
      ok.length
        ? `ceiling: ${Math.max(...ok.map((r) => r.rate))} events/s with p99 ≤ ${TARGET_MS} ms (highest rate tried: ${Math.max(...rounds.map((r) => r.rate))}/s)`
        : `ceiling: below ${rounds[0]?.rate}/s (no rate met p99 ≤ ${TARGET_MS} ms)`,
    );
  } else {
    const round = await runRound(RATE, EVENTS, "bench");
    rounds.push(round);
    printRound(round, receiverMs);
    console.log(
      round.p99 <= TARGET_MS
        ? `target met: p99 ${round.p99} ms ≤ ${TARGET_MS} ms`
        : `target MISSED: p99 ${round.p99} ms > ${TARGET_MS} ms`,
    );
  }
  const events = await db.webhookEvent.groupBy({
    by: ["status"],
    where: { connectorId: secretFor.connectorId },
    _count: { _all: true },
  });
  console.log("events by status:", Object.fromEntries(events.map((e) => [e.status, e._count._all])));

  /**
   * One paced round. The driver registers what is due every TICK_MS in one control call
   * (registerMany): one call per registration opened connections faster than the stand-in's
   * loop (sharing this process) could answer — the ECONNRESET near 500/s — and kept the driver
   * seconds behind schedule even on a bounded keep-alive pool. A registration's clock starts
   * when its batch is sent.
   */
  async function runRound(rate: number, count: number, prefix: string): Promise<Round> {
    const loadBefore = os.loadavg()[0] ?? 0;
    const sentAt = new Map<string, number>();
    const started = Date.now();
    const inFlight = new Set<Promise<unknown>>();
    let behindMs = 0;
    let next = 0;
    let calls = 0;
    while (next < count) {
      const dueCount = Math.min(count, Math.floor(((Date.now() - started) * rate) / 1000) + 1);
      if (dueCount > next) {
        behindMs = Math.max(behindMs, Date.now() - (started + (next * 1000) / rate));
        const batch = [];
        for (; next < dueCount; next++) {
          const email = `${prefix}-${next}@example.com`;
          sentAt.set(email, Date.now());
          batch.push({ firstName: "Bench", lastName: `Person ${next}`, email });
        }
        while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
        const call = sim.control.registerMany(webinarKey, batch);
        calls++;
        inFlight.add(call);
        void call.finally(() => inFlight.delete(call)).catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    await Promise.all(inFlight);
    const sendSeconds = (Date.now() - started) / 1000;
    const pattern = `${prefix}-%`;
    const applied = () =>
      db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "Activity" a JOIN "Prospect" p ON p."id" = a."prospectId"
        WHERE a."webinarId" = ${secretFor.webinarId}::uuid AND a."type" = 'REGISTERED' AND p."email" LIKE ${pattern}`.then(
        (rows) => rows[0]?.n ?? 0,
      );
    const allApplied = await waitFor(async () => (await applied()) >= count, 300_000).then(
      () => true,
      () => false,
    );
    const totalSeconds = (Date.now() - started) / 1000;
    const rows = await db.$queryRaw<{ email: string; activity_at: Date; received_at: Date }[]>`
      SELECT p."email", a."createdAt" AS activity_at, e."receivedAt" AS received_at
      FROM "Activity" a
      JOIN "Prospect" p ON p."id" = a."prospectId"
      JOIN "WebinarRegistration" r ON r."prospectId" = a."prospectId" AND r."webinarId" = a."webinarId"
      JOIN "WebhookEvent" e ON e."connectorId" = ${secretFor.connectorId}::uuid AND e."eventName" = 'registrant.added'
        AND e."payload"->>'registrantKey' = r."registrantKey"
      WHERE a."webinarId" = ${secretFor.webinarId}::uuid AND a."type" = 'REGISTERED' AND p."email" LIKE ${pattern}`;
    const toActivity: number[] = [];
    const toStored: number[] = [];
    for (const row of rows) {
      const t0 = sentAt.get(row.email);
      if (t0 === undefined) continue;
      toActivity.push(row.activity_at.getTime() - t0);
      toStored.push(row.received_at.getTime() - t0);
    }
    return {
      rate,
      count,
      calls,
      sendSeconds,
      totalSeconds,
      behindMs,
      allApplied,
      toActivity,
      toStored,
      p99: percentile(toActivity, 99),
      load: `${loadBefore.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
    };
  }

  function printRound(round: Round, receiver?: number[]) {
    console.log(
      `\nWebhook latency, ${round.count} registrant.added events from the stand-in at ${round.rate} per second (load average ${round.load})`,
    );
    console.log(
      `(API and worker as separate processes, worker concurrency ${config.worker.concurrency}, signature ${config.webhooks.signatureScheme}; sent in ${round.sendSeconds.toFixed(1)} s = ${(round.count / round.sendSeconds).toFixed(0)}/s in ${round.calls} control calls, driver at most ${round.behindMs} ms behind schedule; ${round.allApplied ? "all" : "NOT all"} applied after ${round.totalSeconds.toFixed(1)} s)\n`,
    );
    console.table([
      { step: "registered in stand-in → stored by receiver", ...stats(round.toStored) },
      { step: "registered in stand-in → activity in Postgres", ...stats(round.toActivity) },
      ...(receiver
        ? [{ step: "receiver answer (signed POST → 200, sequential)", ...stats(receiver.map(Math.round)) }]
        : []),
    ]);
  }
} finally {
  api.kill();
  worker.kill();
  await Promise.all([api.waitForExit().catch(() => null), worker.waitForExit().catch(() => null)]);
  await db.$disconnect();
  simProcess.kill();
  await redis.cleanup();
  await database.drop();
}
// Keep-alive sockets and timers of the clients above would hold the process for minutes.
process.exit(0);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function stats(values: number[]) {
  return {
    n: values.length,
    "p50 ms": percentile(values, 50),
    "p90 ms": percentile(values, 90),
    "p99 ms": percentile(values, 99),
    "max ms": percentile(values, 100),
  };
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
