/**
 * The dispatcher tick's cost with 10,000 tracked webinars in Postgres: the indexed "what is
 * due" queries plus enqueueing the due work into BullMQ (deterministic ids, so work already
 * queued is a no-op add). Runs the real dispatch handler's domain function and sink over a
 * real Postgres and Redis, 50 ticks per case, and prints median and p99.
 *
 * Then the steady-state GoTo budget for `--tracked` webinars (default 1,000) at the documented
 * intervals (the real polling policy and the default settings): requests per hour for polls and
 * attendance, against GoTo's 10 requests/s per OAuth client less the safety margin, and the
 * share left for registrations and webhook follow-ups. `--budget-only` skips the Postgres part.
 *
 * `--run` checks the arithmetic against a run: the real scheduler and worker against the stand-in
 * (see runAgainstStandIn), counting the requests GoTo would see.
 *
 *   npx tsx bench/dispatcher.ts [--webinars 10000] [--ticks 50] [--tracked 1000] [--budget-only]
 *   npx tsx bench/dispatcher.ts --run [--run-webinars 40]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { loadConfig } from "@gw/config";
import { dispatchDueWork, pollIntervalMinutes } from "@gw/domain/sync";
import { createLogger } from "@gw/logger";
import { createAccount, createConnector, createTestStores, simEnv } from "@gw/testing";
import { createWorkerDeps } from "../apps/worker/src/deps";
import { enqueueDueWork } from "../apps/worker/src/handlers/sync-support";
import setupTemplate from "../packages/testing/src/global-setup";

const CONNECTORS = 20;

const { values } = parseArgs({
  options: {
    webinars: { type: "string", default: "10000" },
    ticks: { type: "string", default: "50" },
    tracked: { type: "string", default: "1000" },
    "budget-only": { type: "boolean", default: false },
    run: { type: "boolean", default: false },
    "run-webinars": { type: "string", default: "40" },
  },
});

/**
 * GoTo requests per hour in steady state for `tracked` webinars whose starts are spread evenly
 * over the next `horizonDays` (each one ending adds its attendance syncs). One registrants
 * request per poll (up to 200 registrants a page). Attendance of single-session webinars:
 * before, every attendance sync asked registrants, sessions and attendees (3) and engagement
 * (SYNC_ENGAGEMENT=session: performance and questions, 2); now only the first sync after the end
 * asks all of them, later ones ask the attendees alone (registrants cannot change after the
 * end; engagement is asked again only when the attendees changed, taken here as never). A
 * session nobody attended costs no attendees or engagement request at all (left out here).
 * SYNC_ENGAGEMENT=full adds answers per attendee and is left out too.
 */
function steadyStateBudget(tracked: number, horizonDays = 60) {
  const defaults = loadConfig({});
  const settings = {
    pollMinutes: defaults.sync.pollMinutes,
    attendanceDelaysMinutes: defaults.sync.attendanceDelaysMinutes,
  };
  const DAY = 86_400_000;
  const bands = new Map<number, { webinars: number; perHour: number }>();
  for (let i = 0; i < tracked; i++) {
    const msUntilStart = ((i + 0.5) / tracked) * horizonDays * DAY;
    const interval = pollIntervalMinutes(msUntilStart, settings);
    const band = bands.get(interval) ?? { webinars: 0, perHour: 0 };
    band.webinars += 1;
    band.perHour += 60 / interval;
    bands.set(interval, band);
  }
  const endingPerHour = tracked / (horizonDays * 24);
  const attendanceSyncs = settings.attendanceDelaysMinutes.length;
  const later = Math.max(0, attendanceSyncs - 1);
  const attendance = {
    before: endingPerHour * attendanceSyncs * 3,
    after: endingPerHour * (attendanceSyncs > 0 ? 3 + later : 0),
  };
  const engagement = {
    before: endingPerHour * attendanceSyncs * 2,
    after: endingPerHour * (attendanceSyncs > 0 ? 2 : 0),
  };
  const discoveryPerHour = (60 / defaults.sync.discoveryEveryMinutes) * CONNECTORS;
  const pollsPerHour = [...bands.values()].reduce((sum, b) => sum + b.perHour, 0);
  const budgetPerHour = defaults.goto.requestsPerSecond * (1 - defaults.goto.rateSafetyMargin) * 3600;
  return { bands, pollsPerHour, attendance, engagement, discoveryPerHour, budgetPerHour, attendanceSyncs };
}

function printBudget(tracked: number) {
  const b = steadyStateBudget(tracked);
  const fixed = b.pollsPerHour + b.discoveryPerHour;
  const used = {
    before: fixed + b.attendance.before + b.engagement.before,
    after: fixed + b.attendance.after + b.engagement.after,
  };
  const cell = (perHour: number) =>
    `${perHour.toFixed(1).padStart(8)} ${`${((100 * perHour) / b.budgetPerHour).toFixed(2)}%`.padStart(7)}`;
  const row = (what: string, before: number, after = before) =>
    console.log(`${what.padEnd(66)}| ${cell(before)} | ${cell(after)}`);
  console.log(
    `\nSteady-state GoTo requests for ${tracked} tracked webinars (starts spread over 60 days), one OAuth client`,
  );
  console.log(`${"what".padEnd(66)}| before: per hour, budget | after: per hour, budget`);
  console.log(`${"-".repeat(66)}|--------------------------|-------------------------`);
  for (const [interval, band] of [...b.bands.entries()].sort((x, y) => y[0] - x[0]))
    row(`registrant polls every ${interval} min (${band.webinars} webinars)`, band.perHour);
  row(
    `attendance: ${b.attendanceSyncs} syncs per ended webinar (3 each → 3, then 1)`,
    b.attendance.before,
    b.attendance.after,
  );
  row("engagement (SYNC_ENGAGEMENT=session): 2 per sync → 2 once", b.engagement.before, b.engagement.after);
  row(`discovery of ${CONNECTORS} connectors every 10 min`, b.discoveryPerHour);
  row("total background use", used.before, used.after);
  row("GoTo budget (10/s less the 10% margin)", b.budgetPerHour);
  row("left for registrations and webhook follow-ups", b.budgetPerHour - used.before, b.budgetPerHour - used.after);
}

if (values["budget-only"]) {
  printBudget(Number(values.tracked));
  process.exit(0);
}
if (values.run) {
  await runAgainstStandIn(Number(values["run-webinars"]));
  process.exit(0);
}

/**
 * The arithmetic checked by a run: the real scheduler and worker against the stand-in (its own
 * process, GoTo's 10 requests/s), with the poll intervals scaled down (4, 2, 2, 1 minutes for
 * ≥ 3 weeks, 2-3 weeks, 1-2 weeks, under a week; discovery every 2 minutes) so a few minutes
 * show the steady state. Once every webinar had its first poll, the stand-in's requests over a
 * 4-minute window (a multiple of every interval) are counted by route and compared with what
 * the same policy and settings predict.
 */
async function runAgainstStandIn(webinars: number) {
  const { SimControl } = await import("@gw/gotowebinar-sim");
  const { spawnStandIn, createVerifiedConnector } = await import("@gw/testing");
  const { handlers } = await import("../apps/worker/src/handlers");
  const { startWorkerRuntime } = await import("../apps/worker/src/runtime");
  const WINDOW_MINUTES = 4;
  const scaled = { POLL_3W_MINUTES: "4", POLL_2W_MINUTES: "2", POLL_1W_MINUTES: "2", POLL_NEAR_MINUTES: "1" };
  await setupTemplate();
  const simProcess = await spawnStandIn({ SIM_RATE_LIMIT: "10" });
  const simUrl = simProcess.url;
  const control = new SimControl(simUrl);
  const stores = await createTestStores("benchdisprun", {
    env: simEnv(
      { url: simUrl },
      {
        DISPATCH_EVERY_MS: "1000",
        DISCOVERY_EVERY_MINUTES: "2",
        SYNC_ENGAGEMENT: "session",
        LOG_LEVEL: "warn",
        ...scaled,
      },
    ),
  });
  const { config } = stores;
  const deps = createWorkerDeps(config, createLogger({ name: "bench", level: "warn", pretty: false }));
  try {
    const account = await createAccount(deps.db);
    const { connector, organizer } = await createVerifiedConnector(deps.db, deps.secretBox, {
      accountId: account.id,
      sim: { url: simUrl },
    });
    const DAY_MIN = 24 * 60;
    // Starts spread over the next 60 days, as in the arithmetic (none ends within the run).
    const starts = Array.from({ length: webinars }, (_, i) => Math.round(((i + 0.5) / webinars) * 60 * DAY_MIN) + 60);
    await control.scenario({
      organizerKey: organizer.organizerKey,
      webinars: starts.map((startsInMinutes, i) => ({ subject: `Tracked ${i}`, startsInMinutes, registrants: 20 })),
    });
    const runtime = await startWorkerRuntime(deps, handlers, { queues: ["scheduler", "sync"] });
    const firstPolled = performance.now();
    for (;;) {
      const polled = await deps.db.webinar.count({ where: { connectorId: connector.id, lastPolledAt: { not: null } } });
      if (polled >= webinars) break;
      if (performance.now() - firstPolled > 300_000) throw new Error(`only ${polled} of ${webinars} webinars polled`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await control.clearRequests();
    const windowStart = Date.now();
    console.log(`all ${webinars} webinars polled once; counting the stand-in's requests for ${WINDOW_MINUTES} min ...`);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MINUTES * 60_000));
    const requests = (await control.requests()).filter(
      (r) => r.kind === "rest" && Date.parse(r.time) < windowStart + WINDOW_MINUTES * 60_000,
    );
    await runtime.close();
    const registrantPolls = requests.filter((r) => /\/webinars\/[^/]+\/registrants$/.test(r.path)).length;
    const other = requests.length - registrantPolls;
    const settings = { pollMinutes: config.sync.pollMinutes, attendanceDelaysMinutes: [] };
    const predicted = starts.reduce(
      (sum, startsInMinutes) => sum + WINDOW_MINUTES / pollIntervalMinutes((startsInMinutes - 1) * 60_000, settings),
      0,
    );
    const discoveries = WINDOW_MINUTES / config.sync.discoveryEveryMinutes;
    console.log(
      `\nRun against the stand-in: ${webinars} tracked webinars, one connector, intervals scaled to 4/2/2/1 min, ${WINDOW_MINUTES}-min window (load average ${os.loadavg()[0]?.toFixed(1)})`,
    );
    console.table([
      { what: "registrant polls", predicted: Number(predicted.toFixed(1)), counted: registrantPolls },
      {
        what: "organizer-wide (discovery) and other requests",
        predicted: `${discoveries} discoveries`,
        counted: other,
      },
      { what: "all GoTo requests", predicted: "", counted: requests.length },
      { what: "429s", predicted: 0, counted: requests.filter((r) => r.status === 429).length },
    ]);
    console.log(
      `counted / predicted registrant polls: ${(registrantPolls / predicted).toFixed(2)} (the arithmetic above assumes every poll runs on time)`,
    );
  } finally {
    await deps.close();
    await stores.close();
    simProcess.kill();
  }
}
const WEBINARS = Number(values.webinars);
const TICKS = Number(values.ticks);

await setupTemplate();
const stores = await createTestStores("benchdispatch", { env: { LOG_LEVEL: "warn" } });
const { config } = stores;
const deps = createWorkerDeps(config, createLogger({ name: "bench", level: "warn", pretty: false }));
const db = deps.db;

/** Tracked webinars spread over the next 60 days; `dueShare` of them have a poll time in the past. */
async function seed(dueShare: number) {
  await db.$executeRawUnsafe(`TRUNCATE "Webinar", "Connector", "Account" CASCADE`);
  const account = await createAccount(db);
  const connectors = [];
  for (let i = 0; i < CONNECTORS; i++) {
    const status = i === CONNECTORS - 1 ? "ERROR" : "VERIFIED";
    connectors.push(
      await createConnector(db, {
        accountId: account.id,
        status,
        organizerKey: `org${i}`,
        nextDiscoveryAt: new Date(Date.now() + 3_600_000),
      }),
    );
  }
  await db.$executeRaw`
    INSERT INTO "Webinar" ("accountId", "connectorId", "webinarKey", "subject", "startsAt", "endsAt", "status", "nextPollAt", "nextAttendanceSyncAt", "updatedAt")
    SELECT ${account.id}::uuid, (${connectors.map((c) => c.id)}::uuid[])[1 + (n % ${CONNECTORS})], 'k' || n, 'Webinar ' || n,
      now() + (n % 1440) * interval '1 hour', now() + (n % 1440) * interval '1 hour' + interval '1 hour',
      CASE WHEN n % 50 = 0 THEN 'CANCELLED'::"WebinarStatus" ELSE 'SCHEDULED'::"WebinarStatus" END,
      CASE WHEN n % 50 = 0 THEN NULL
           WHEN random() < ${dueShare} THEN now() - random() * interval '5 minutes'
           ELSE now() + random() * interval '2 hours' END,
      now() + (n % 1440) * interval '1 hour' + interval '75 minutes',
      now()
    FROM generate_series(1, ${WEBINARS}) AS n`;
  await db.$executeRawUnsafe(`ANALYZE "Webinar"`);
  await db.$executeRawUnsafe(`ANALYZE "Connector"`);
}

async function measure(label: string, dueShare: number) {
  await seed(dueShare);
  await deps.queues.sync.obliterate({ force: true });
  const times: number[] = [];
  let handedOut = 0;
  for (let i = 0; i < TICKS; i++) {
    const started = performance.now();
    const result = await dispatchDueWork({ db, sink: { enqueue: (work) => enqueueDueWork(deps, work) } });
    times.push(performance.now() - started);
    handedOut = result.webinars + result.discoveries + result.backfills;
  }
  const queued = await deps.queues.sync.count();
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { label, handedOut, queued, median: q(0.5), p99: q(0.99), max: times[times.length - 1] ?? 0 };
}

try {
  console.log(`seeding ${WEBINARS} tracked webinars over ${CONNECTORS} connectors (one in ERROR, 2% cancelled) ...`);
  const rows = [
    await measure("1% due (steady state)", 0.01),
    await measure("10% due (after an outage)", 0.1),
    await measure("every webinar due (limit 1,000 per tick)", 1),
  ];
  await seed(0.01);
  console.log(`\nDispatcher tick with ${WEBINARS} tracked webinars, ${TICKS} ticks per case (queries + BullMQ adds)`);
  console.log(
    "case                                     | due work handed out | jobs queued | median ms | p99 ms | max ms",
  );
  console.log(
    "-----------------------------------------|---------------------|-------------|-----------|--------|-------",
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(41)}| ${String(r.handedOut).padStart(19)} | ${String(r.queued).padStart(11)} | ${r.median.toFixed(1).padStart(9)} | ${r.p99.toFixed(1).padStart(6)} | ${r.max.toFixed(1).padStart(6)}`,
    );
  }
  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN ANALYZE SELECT w."id" FROM "Webinar" w JOIN "Connector" c ON c."id" = w."connectorId" WHERE (w."nextPollAt" <= now() OR w."nextAttendanceSyncAt" <= now()) AND w."status" <> 'CANCELLED' AND c."status" = 'VERIFIED'`,
  );
  console.log(
    `\nthe due-webinars query (1% due), EXPLAIN ANALYZE:\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}`,
  );
  printBudget(Number(values.tracked));
} finally {
  await deps.queues.sync.obliterate({ force: true }).catch(() => undefined);
  await deps.close();
  await stores.close();
}
