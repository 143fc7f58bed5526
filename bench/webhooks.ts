// Webhook latency: from a registrant added in the GoTo stand-in (as if on GoTo's own page) to its
// event applied in Postgres, through the real path: signed HTTP delivery → API receiver (verify,
// store, enqueue) → the worker → Postgres, with each stage timed.
// Run: npx tsx bench/webhooks.ts [events] [per second]
//   or npx tsx bench/webhooks.ts --ceiling (rising rates, 5 s each; prints the highest with p99 ≤ 1 s)
//   or npx tsx bench/webhooks.ts --driver-only (the driver against the stand-in alone, no webhooks).
// BENCH_CPU_PROF=<dir> writes CPU profiles of the stand-in, the API and the worker there.
// Registrations are paced at a steady rate (default 20 per second) so the figure is latency, not
// the backlog of a burst (the burst is the end-to-end test's job).

import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, pgQuery } from "@gw/db";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { SecretBox } from "@gw/domain/security";
import { ensureWebhookSubscriptions } from "@gw/domain/webhook-subscriptions";
import { SimControl } from "@gw/gotowebinar-sim";
import {
  createAccount,
  createTestStores,
  createVerifiedConnector,
  freePort,
  simEnv,
  spawnEntry,
  spawnStandIn,
} from "@gw/testing";
import { signWebhook } from "@gw/webhook-signature";
import setupTemplate from "../packages/testing/src/global-setup";

const CEILING = process.argv.includes("--ceiling");
const DRIVER_ONLY = process.argv.includes("--driver-only");
const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const EVENTS = Number(positional[0] ?? 1000);
const RATE = Number(positional[1] ?? 20);
const MAX_IN_FLIGHT = 16;
/** The stand-in's limit per batch call. */
const MAX_BATCH = 1000;
const TICK_MS = 10;
const TARGET_MS = 1000;
const CPU_PROF = process.env.BENCH_CPU_PROF;
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

type StageName = "queued" | "receiver" | "apply" | "deliveredToApplied" | "endToEnd";

interface Round {
  rate: number;
  count: number;
  calls: number;
  sendSeconds: number;
  totalSeconds: number;
  behindMs: number;
  allApplied: boolean;
  exactlyOnce: boolean;
  stages: Record<StageName, number[]>;
  cpu: Map<string, number>;
  p99: number;
  load: string;
}

// The migrated template each test database is copied from (vitest makes it; a bench must too).
await setupTemplate();
// --cpu-prof is not allowed in NODE_OPTIONS: a preloaded module runs the inspector's profiler
// instead and writes the profile when the process exits.
if (CPU_PROF) {
  await mkdir(CPU_PROF, { recursive: true });
  await writeFile(
    path.join(CPU_PROF, "profile.mjs"),
    `import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
const session = new Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: 500 });
session.post("Profiler.start");
process.on("exit", () => {
  session.post("Profiler.stop", (error, result) => {
    if (!error) writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(result.profile));
  });
});
`,
  );
}
const profiled = (name: string): Record<string, string> =>
  CPU_PROF
    ? {
        NODE_OPTIONS: `--import=${path.join(CPU_PROF, "profile.mjs")}`,
        BENCH_PROFILE_FILE: path.join(CPU_PROF, `${name}.cpuprofile`),
      }
    : {};
// The stand-in runs as its own process, as GoTo is: its webhook deliveries (one POST per event)
// and the driver's pacing do not share one event loop.
const simProcess = await spawnStandIn({ ...profiled("stand-in"), SIM_RATE_LIMIT: "0" });
const sim = { url: simProcess.url, control: new SimControl(simProcess.url) };
const port = await freePort();
// The API and the worker run as their own processes, as deployed; this one plays GoTo and watches Postgres.
const stores = await createTestStores("bench_webhooks", {
  env: simEnv(sim, {
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEBHOOKS_ALLOW_LOOPBACK: "true",
  }),
});
const { config, env } = stores;
const api = spawnEntry("apps/api/src/main.ts", { ...env, ...profiled("api") });
const worker = spawnEntry("apps/worker/src/main.ts", { ...env, ...profiled("worker") });
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
  if (!DRIVER_ONLY) {
    const subscribed = await ensureWebhookSubscriptions({ db, config, gotoClient, connector, secretBox: secretBox });
    if (!subscribed.enabled) throw new Error(`webhooks not enabled: ${subscribed.reason}`);
  }
  // Applied by the worker process: it is up.
  const { webinarKey } = await newWebinar(!DRIVER_ONLY);

  // Warm-up (connections, JIT), not measured.
  if (!DRIVER_ONLY) {
    for (let i = 0; i < 20; i++)
      await sim.control.register(webinarKey, {
        firstName: "Warm",
        lastName: `Up ${i}`,
        email: `warmup-${i}@example.com`,
      });
    await waitFor(
      async () =>
        (await db.webhookEvent.count({
          where: { connectorId: connector.id, status: "APPLIED", eventName: "registrant.added" },
        })) >= 20,
    );
  }

  // The receiver alone: signed POSTs straight to the API, one at a time (GoTo waits for each answer).
  const sealed = (await db.connector.findUniqueOrThrow({ where: { id: connector.id } })).webhookSecretEnc;
  const secret = sealed ? secretBox.decrypt(sealed) : "";
  const receiverMs: number[] = [];
  for (let i = 0; i < (DRIVER_ONLY ? 0 : 200); i++) {
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

  const rounds: Round[] = [];
  if (DRIVER_ONLY) {
    // The driver alone against the stand-in, no webhook subscribed: what it can offer.
    for (const rate of [500, 1000, 1500]) {
      const { webinarKey: key } = await newWebinar(false);
      const sent = await drive(rate, rate * 5, `d${rate}`, key);
      console.log(
        `driver only: target ${rate}/s, offered ${(sent.count / sent.sendSeconds).toFixed(0)}/s in ${sent.calls} control calls, at most ${sent.behindMs} ms behind schedule`,
      );
    }
  } else if (CEILING) {
    // Rising rates, 5 s each, on the same processes (a webinar of its own per round): the ceiling
    // is the highest rate whose p99 stays within the target (the load is printed per round).
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
    where: { connectorId: connector.id },
    _count: { _all: true },
  });
  console.log("events by status:", Object.fromEntries(events.map((e) => [e.status, e._count._all])));

  /** A webinar in the stand-in, applied through its webinar.created event; never polled meanwhile. */
  async function newWebinar(applied = true) {
    const scenario = await sim.control.scenario({
      organizerKey: organizer.organizerKey,
      fireWebhooks: applied,
      webinars: [{ startsInMinutes: 14 * 24 * 60, registrants: 0 }],
    });
    const webinarKey = scenario.webinars[0]?.webinarKey as string;
    if (!applied) return { webinarKey, webinarId: "" };
    const row = await waitFor(
      () => db.webinar.findUnique({ where: { connectorId_webinarKey: { connectorId: connector.id, webinarKey } } }),
      60_000,
    );
    // A registrants poll would write the same people as the events do and blur what is measured.
    await db.webinar.update({ where: { id: row.id }, data: { nextPollAt: new Date(Date.now() + 86_400_000) } });
    return { webinarKey, webinarId: row.id };
  }

  /**
   * Registers `count` people at `rate` per second: what is due every TICK_MS goes in one control
   * call (registerMany, at most MAX_BATCH; one call per registration opened connections faster
   * than the stand-in's loop could answer, the ECONNRESET near 500/s), at most MAX_IN_FLIGHT
   * calls at once over fetch's keep-alive pool. A registration's clock starts when its call is sent.
   */
  async function drive(rate: number, count: number, prefix: string, webinarKey: string) {
    const sentAt = new Map<string, number>();
    const started = Date.now();
    const inFlight = new Set<Promise<unknown>>();
    let behindMs = 0;
    let next = 0;
    let calls = 0;
    while (next < count) {
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      const due = Math.min(count, Math.floor(((Date.now() - started) * rate) / 1000) + 1, next + MAX_BATCH);
      if (due > next) {
        behindMs = Math.max(behindMs, Date.now() - Math.round(started + (next * 1000) / rate));
        const batch = [];
        for (; next < due; next++) {
          const email = `${prefix}-${next}@example.com`;
          sentAt.set(email, Date.now());
          batch.push({ firstName: "Bench", lastName: `Person ${next}`, email });
        }
        const call = sim.control.registerMany(webinarKey, batch);
        calls++;
        inFlight.add(call);
        void call.finally(() => inFlight.delete(call)).catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    await Promise.all(inFlight);
    return { sentAt, count, calls, behindMs, sendSeconds: (Date.now() - started) / 1000 };
  }

  /** One paced round on a webinar of its own, with each event's times at every stage. */
  async function runRound(rate: number, count: number, prefix: string): Promise<Round> {
    const { webinarKey, webinarId } = await newWebinar();
    await sim.control.clearDeliveries();
    const loadBefore = os.loadavg()[0] ?? 0;
    const cpuBefore = await cpuSnapshot();
    const started = Date.now();
    const sent = await drive(rate, count, prefix, webinarKey);
    const pattern = `${prefix}-%`;
    // Settled by the webhook path (the webinar is not polled): APPLIED, each event once.
    const settled = () =>
      pgQuery<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM "WebhookEvent"
         WHERE "connectorId" = $1::uuid AND "status" = 'APPLIED' AND "payload"->>'email' LIKE $2`,
        [connector.id, pattern],
      ).then((rows) => rows[0]?.n ?? 0);
    const allApplied = await waitFor(async () => (await settled()) >= count, 300_000).then(
      () => true,
      () => false,
    );
    const totalSeconds = (Date.now() - started) / 1000;
    const cpu = cpuUsed(cpuBefore, await cpuSnapshot());
    const [once] = await pgQuery<{ events: number; registrations: number; activities: number }>(
      db,
      `SELECT (SELECT count(*)::int FROM "WebhookEvent" WHERE "connectorId" = $1::uuid AND "payload"->>'email' LIKE $3) AS events,
              (SELECT count(*)::int FROM "WebinarRegistration" WHERE "webinarId" = $2::uuid) AS registrations,
              (SELECT count(*)::int FROM "Activity" WHERE "webinarId" = $2::uuid AND "type" = 'REGISTERED') AS activities`,
      [connector.id, webinarId, pattern],
    );
    // Both stamps are clock_timestamp() where the row is written (not the transaction's start).
    const rows = await pgQuery<{ email: string; receivedAt: Date; appliedAt: Date | null }>(
      db,
      `SELECT "payload"->>'email' AS "email", "receivedAt", "appliedAt" FROM "WebhookEvent"
       WHERE "connectorId" = $1::uuid AND "payload"->>'email' LIKE $2`,
      [connector.id, pattern],
    );
    const deliveredAt = new Map<string, number>();
    for (const delivery of await sim.control.deliveries()) {
      const email = /"email":"([^"]+)"/.exec(delivery.body)?.[1];
      const first = delivery.attempts[0]?.at;
      if (email && first && !delivery.duplicate) deliveredAt.set(email, Date.parse(first));
    }
    const stages: Record<StageName, number[]> = {
      queued: [],
      receiver: [],
      apply: [],
      deliveredToApplied: [],
      endToEnd: [],
    };
    for (const row of rows) {
      const t0 = sent.sentAt.get(row.email);
      const t1 = deliveredAt.get(row.email);
      if (t0 === undefined || !row.appliedAt) continue;
      const stored = row.receivedAt.getTime();
      const applied = row.appliedAt.getTime();
      stages.endToEnd.push(applied - t0);
      stages.apply.push(applied - stored);
      if (t1 === undefined) continue;
      stages.queued.push(t1 - t0);
      stages.receiver.push(stored - t1);
      stages.deliveredToApplied.push(applied - t1);
    }
    return {
      rate,
      count,
      calls: sent.calls,
      sendSeconds: sent.sendSeconds,
      totalSeconds,
      behindMs: sent.behindMs,
      allApplied,
      exactlyOnce: once?.events === count && once.registrations === count && once.activities === count,
      stages,
      cpu,
      p99: percentile(stages.endToEnd, 99),
      load: `${loadBefore.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
    };
  }

  /** CPU seconds so far of each process on the path (Postgres: this database's backends only). */
  async function cpuSnapshot(): Promise<Map<string, number>> {
    const snapshot = new Map<string, number>();
    const own = process.cpuUsage();
    snapshot.set("bench driver", (own.user + own.system) / 1e6);
    for (const [name, child] of [
      ["stand-in", simProcess.child],
      ["api", api.child],
      ["worker", worker.child],
    ] as const) {
      snapshot.set(name, child.pid ? await cpuSecondsOf(child.pid) : 0);
    }
    const backends = await pgQuery<{ pid: number }>(
      db,
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      [],
    );
    let postgres = 0;
    for (const { pid } of backends) postgres += await cpuSecondsOf(pid);
    snapshot.set("postgres (this database's backends)", postgres);
    const redisPid = redisServerPid();
    snapshot.set("redis-server (all its clients)", redisPid ? await cpuSecondsOf(redisPid) : 0);
    return snapshot;
  }

  function printRound(round: Round, receiver?: number[]) {
    console.log(
      `\nWebhook latency, ${round.count} registrant.added events from the stand-in at ${round.rate} per second (load average ${round.load})`,
    );
    console.log(
      `(API and worker as separate processes, worker concurrency ${config.worker.concurrency}, signature ${config.webhooks.signatureScheme}; driver offered ${(round.count / round.sendSeconds).toFixed(0)}/s of ${round.rate}/s (${round.sendSeconds.toFixed(1)} s, ${round.calls} control calls, at most ${round.behindMs} ms behind schedule); ${round.allApplied ? "all" : "NOT all"} applied after ${round.totalSeconds.toFixed(1)} s = ${(round.count / round.totalSeconds).toFixed(0)}/s end to end; ${round.exactlyOnce ? "each exactly once" : "NOT exactly once"})\n`,
    );
    console.table([
      { step: "registered in stand-in → delivery sent (stand-in)", ...stats(round.stages.queued) },
      { step: "delivery sent → stored by receiver", ...stats(round.stages.receiver) },
      { step: "stored → applied (worker)", ...stats(round.stages.apply) },
      { step: "delivery sent → applied", ...stats(round.stages.deliveredToApplied) },
      { step: "registered in stand-in → applied", ...stats(round.stages.endToEnd) },
      ...(receiver
        ? [{ step: "receiver answer (signed POST → 200, sequential)", ...stats(receiver.map(Math.round)) }]
        : []),
    ]);
    const wall = round.totalSeconds;
    console.table(
      [...round.cpu].map(([process, seconds]) => ({
        process,
        "CPU s": Number(seconds.toFixed(2)),
        "% of one core": Math.round((seconds / wall) * 100),
        "CPU ms per event": Number(((seconds * 1000) / round.count).toFixed(2)),
      })),
    );
  }
} finally {
  // A profile is written only by a process that exits by itself.
  for (const child of [api, worker]) CPU_PROF ? child.child.kill("SIGTERM") : child.kill();
  await Promise.all([api.waitForExit().catch(() => null), worker.waitForExit().catch(() => null)]);
  await db.$disconnect();
  if (CPU_PROF) {
    simProcess.child.kill("SIGTERM");
    await simProcess.waitForExit().catch(() => null);
  } else simProcess.kill();
  await stores.close();
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

async function cpuSecondsOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may hold spaces): utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function redisServerPid(): number | null {
  try {
    return Number(execFileSync("pgrep", ["-o", "-x", "redis-server"]).toString().trim()) || null;
  } catch {
    return null;
  }
}

function cpuUsed(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([name, seconds]) => [name, Math.max(0, seconds - (before.get(name) ?? 0))]));
}
