/**
 * A fresh connector's full initial sync, end to end through the real worker runtime: the GoTo
 * stand-in (its own process, GoTo's 10 requests/s limit on) holds 100 past webinars × 1,000
 * registrants, about half attending; a newly verified connector is backfilled by the
 * dispatcher → backfill job → one sync job per webinar, until every registrant is a prospect
 * with its registration and activities and every attendance is recorded.
 *
 * With `--workers N` (N > 1) the sync runs in N worker processes instead, all drawing on the one
 * GoTo budget in Redis: the 429 count shows whether they kept to GoTo's limit together.
 *
 * Engagement (`--engagement full|session|off`, as `SYNC_ENGAGEMENT`, default full): each ended
 * webinar also costs its performance request and its session's questions, and in `full` each
 * attendee's poll and survey answers; the table counts GoTo requests per webinar and the time
 * they need at GoTo's limit.
 *
 *   npx tsx bench/sync-initial.ts [--webinars 100] [--registrants 1000] [--concurrency 8] [--workers 1]
 *                                 [--engagement full|session|off]
 */
import { parseArgs } from "node:util";
import { SimControl } from "@gw/gotowebinar-sim";
import { createLogger } from "@gw/logger";
import {
  createAccount,
  createCampaign,
  createTestStores,
  createVerifiedConnector,
  simEnv,
  spawnEntry,
  spawnStandIn,
} from "@gw/testing";
import { createWorkerDeps } from "../apps/worker/src/deps";
import { handlers } from "../apps/worker/src/handlers";
import { startWorkerRuntime } from "../apps/worker/src/runtime";
import setupTemplate from "../packages/testing/src/global-setup";
import { benchWebinars, organizerSizeOptions } from "./lib";
import { measureRawBaseline } from "./raw-baseline";

const { values } = parseArgs({
  options: {
    ...organizerSizeOptions,
    concurrency: { type: "string", default: "8" },
    "rate-limit": { type: "string", default: "10" },
    workers: { type: "string", default: "1" },
    engagement: { type: "string", default: "full" },
  },
});
const ENGAGEMENT = values.engagement ?? "full";
const WEBINARS = Number(values.webinars);
const REGISTRANTS = Number(values.registrants);
const RATE = Number(values["rate-limit"]);
const WORKERS = Number(values.workers);

await setupTemplate();
const simProcess = await spawnStandIn({ SIM_RATE_LIMIT: String(RATE), SIM_SEED: "42" });
const simUrl = simProcess.url;
const control = new SimControl(simUrl);
const stores = await createTestStores("benchsync", {
  env: simEnv(
    { url: simUrl },
    {
      GOTO_REQUESTS_PER_SECOND: String(RATE),
      DISPATCH_EVERY_MS: "1000",
      SYNC_ENGAGEMENT: ENGAGEMENT,
      WORKER_CONCURRENCY: String(values.concurrency),
      LOG_LEVEL: "warn",
    },
  ),
});
const { database, config } = stores;
const deps = createWorkerDeps(config, createLogger({ name: "bench", level: "warn", pretty: false }));

try {
  const account = await createAccount(deps.db);
  const campaign = await createCampaign(deps.db, { accountId: account.id });
  // Only the connector's fields: tokens minted for a fresh organizer in the stand-in.
  const { connector, organizer } = await createVerifiedConnector(deps.db, deps.secretBox, {
    accountId: account.id,
    sim: { url: simUrl },
    campaignId: campaign.id,
  });
  process.stdout.write(`seeding ${WEBINARS} webinars × ${REGISTRANTS} registrants ... `);
  await control.scenario({
    organizerKey: organizer.organizerKey,
    webinars: benchWebinars(WEBINARS, REGISTRANTS, (i) => ({
      startsInMinutes: -(i + 1) * 12 * 60,
      durationMinutes: 60,
      attendanceRatio: 0.5,
    })),
  });
  console.log("done");
  await control.clearRequests();

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const startedAtMs = Date.now();
  const workerProcesses =
    WORKERS > 1
      ? Array.from({ length: WORKERS }, () =>
          spawnEntry("apps/worker/src/main.ts", { ...stores.env, LOG_LEVEL: "info" }),
        )
      : [];
  await Promise.all(workerProcesses.map((worker) => worker.waitForOutput(/worker started/, 120_000)));
  const workersReadyS = (performance.now() - started) / 1000;
  const runtime = WORKERS > 1 ? undefined : await startWorkerRuntime(deps, handlers, { queues: ["scheduler", "sync"] });
  let synced = 0;
  while (synced < WEBINARS) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    synced = await deps.db.webinar.count({ where: { connectorId: connector.id, lastPolledAt: { not: null } } });
  }
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  await runtime?.close();
  for (const worker of workerProcesses) {
    worker.child.kill("SIGTERM");
    await worker.waitForExit().catch(() => worker.kill());
  }
  await deps.queues.scheduler.removeJobScheduler("dispatch");

  const [registrations, attended, prospects, activities, runs, stats, failed] = await Promise.all([
    deps.db.webinarRegistration.count({ where: { accountId: account.id } }),
    deps.db.webinarRegistration.count({ where: { accountId: account.id, attended: true } }),
    deps.db.prospect.count({ where: { accountId: account.id } }),
    deps.db.activity.count({ where: { accountId: account.id } }),
    deps.db.syncRun.aggregate({ where: { connectorId: connector.id }, _sum: { apiRequests: true }, _count: true }),
    control.stats(),
    deps.db.syncRun.count({ where: { connectorId: connector.id, status: "FAILED" } }),
  ]);
  const seconds = wallMs / 1000;
  // Where the time went: GoTo's limit paces the requests; whatever follows the last one is ours.
  const restRequests = (await control.requests()).filter((r) => r.kind === "rest");
  const restTimes = restRequests.map((r) => Date.parse(r.time) - startedAtMs);
  const simBusyMs = restRequests.reduce((sum, r) => sum + r.durationMs, 0);
  const lastRequestS = Math.max(...restTimes) / 1000;
  const engagementRequests = restRequests.filter((r) =>
    /\/(performance|questions|polls|surveys)(\?|$)/.test(r.path),
  ).length;
  const webinarRuns = await deps.db.syncRun.aggregate({
    where: { connectorId: connector.id, webinarId: { not: null } },
    _avg: { durationMs: true },
    _max: { durationMs: true },
  });
  // GoTo has no organizer-wide registrant or attendee listing: one registrants request per
  // webinar and one attendees request per session is the floor; organizer-wide listings
  // (webinars, sessions) are paid once per connector, not per webinar.
  const perWebinarRoutes = Object.entries(stats.byRoute).filter(([route]) => route.includes(":webinarKey"));
  const perWebinarRequests = perWebinarRoutes.reduce((sum, [, n]) => sum + n, 0);
  const organizerWide = (stats.byKind.rest ?? 0) - perWebinarRequests;
  const baselineAccount = await createAccount(deps.db);
  const baseline = await measureRawBaseline({
    databaseUrl: database.url,
    accountId: account.id,
    baselineAccountId: baselineAccount.id,
    parallel: Number(values.concurrency),
  });
  const rows: [string, string][] = [
    ["webinars synced", String(synced)],
    ["registrations (prospects)", `${registrations} (${prospects})`],
    ["attendances", String(attended)],
    ["activities", String(activities)],
    ["wall time", `${seconds.toFixed(1)} s`],
    ["registrants / s", (registrations / seconds).toFixed(0)],
    ...(WORKERS > 1 ? [["worker processes started by", `${workersReadyS.toFixed(1)} s`] as [string, string]] : []),
    ["first GoTo request at", `${(Math.min(...restTimes) / 1000).toFixed(1)} s`],
    [
      "last GoTo request at",
      `${lastRequestS.toFixed(1)} s (≥ ${((restTimes.length - 1) / RATE).toFixed(1)} s at the limit)`,
    ],
    ["after the last request", `${(seconds - lastRequestS).toFixed(1)} s`],
    [
      "webinar sync run avg / max",
      `${Math.round(webinarRuns._avg.durationMs ?? 0)} ms / ${webinarRuns._max.durationMs ?? 0} ms`,
    ],
    ["time the stand-in spent answering", `${(simBusyMs / 1000).toFixed(1)} s`],
    ["API requests (our count)", String(runs._sum.apiRequests ?? 0)],
    ["engagement (SYNC_ENGAGEMENT)", ENGAGEMENT],
    ["GoTo requests per webinar", (restRequests.length / WEBINARS).toFixed(1)],
    ["of them engagement (performance, questions, polls, surveys)", (engagementRequests / WEBINARS).toFixed(1)],
    ["time these requests need at GoTo's 10 requests/s", `${(restRequests.length / 10).toFixed(1)} s`],
    ["requests seen by the stand-in (REST)", String(stats.byKind.rest ?? 0)],
    ["429s from the stand-in", String(stats.rateLimited)],
    ["sync runs (failed)", `${runs._count} (${failed})`],
    [
      "peak RSS of the worker process",
      WORKERS > 1 ? "n/a (separate processes)" : `${(peakRss / 1024 / 1024).toFixed(0)} MB`,
    ],
    [
      "GoTo requests per finished webinar",
      `${(perWebinarRequests / synced).toFixed(2)} (floor 2.00: registrants + attendees of its one session; plus ${organizerWide} organizer-wide)`,
    ],
    [
      "raw Postgres baseline (same rows, multi-row INSERT)",
      `${(baseline.ms / 1000).toFixed(1)} s for ${baseline.rows} rows`,
    ],
    [
      "ratio to raw Postgres baseline",
      `${(wallMs / baseline.ms).toFixed(1)}${RATE >= 100 ? "" : " (GoTo's limit paces this run: pass --rate-limit 1000)"}`,
    ],
    ["rate limit / worker processes × concurrency", `${RATE} req/s / ${WORKERS} × ${values.concurrency}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nInitial sync of a fresh connector (${WEBINARS} webinars × ${REGISTRANTS} registrants)`);
  console.log(`${"metric".padEnd(width)} | value`);
  console.log(`${"-".repeat(width)}-|-${"-".repeat(20)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);
} finally {
  await deps.close();
  await stores.close();
  simProcess.kill();
}
