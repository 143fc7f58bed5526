/**
 * The dispatcher tick's cost with 10,000 tracked webinars in Postgres: the indexed "what is
 * due" queries plus enqueueing the due work into BullMQ (deterministic ids, so work already
 * queued is a no-op add). Runs the real dispatch handler's domain function and sink over a
 * real Postgres and Redis, 50 ticks per case, and prints median and p99.
 *
 *   npx tsx bench/dispatcher.ts [--webinars 10000] [--ticks 50]
 */
import { parseArgs } from "node:util";
import { dispatchDueWork } from "@gw/domain/sync";
import { createLogger } from "@gw/logger";
import { createAccount, createConnector, createTestDatabase, createTestRedis, testConfig } from "@gw/testing";
import { createWorkerDeps } from "../apps/worker/src/deps";
import { enqueueDueWork } from "../apps/worker/src/handlers/sync-support";
import setupTemplate from "../packages/testing/src/global-setup";

const { values } = parseArgs({
  options: { webinars: { type: "string", default: "10000" }, ticks: { type: "string", default: "50" } },
});
const WEBINARS = Number(values.webinars);
const TICKS = Number(values.ticks);
const CONNECTORS = 20;

await setupTemplate();
const database = await createTestDatabase("benchdispatch");
const redis = await createTestRedis("benchdispatch");
const config = testConfig({
  databaseUrl: database.url,
  redisUrl: redis.url,
  redisPrefix: redis.prefix,
  env: { LOG_LEVEL: "warn" },
});
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
} finally {
  await deps.queues.sync.obliterate({ force: true }).catch(() => undefined);
  await deps.close();
  await redis.cleanup();
  await database.drop();
}
