// Benchmark of the form registration path: `npx tsx bench/forms.ts [--count 1000] [--concurrency 50] [--rates 10,100]`.
//
// The real API listening on a port, a worker runtime (registrations queue, its own process) and
// the GoTo stand-in (its own process), on a database and Redis prefix of their own. 1,000 people submit the hosted form, 50 at a
// time; for each we measure the POST's latency and the time from submit until GoTo answered the
// create-registrant (the request row's completedAt), then check that every submission ended as
// one registrant in the stand-in. Run once per GoTo rate limit in --rates (requests/s per OAuth
// client; GoTo's default is 10, a customer can ask for more), our limiter set to the same rate.
import { parseArgs } from "node:util";
import { formInputSchema } from "@gw/api-contract";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { createForm } from "@gw/domain/forms";
import { SimControl, startSim } from "@gw/gotowebinar-sim";
import { createLogger } from "@gw/logger";
import {
  createAccount,
  createTestDatabase,
  createTestRedis,
  createVerifiedConnector,
  createWebinar,
  REGISTRANT_FIELDS,
  simEnv,
  spawnEntry,
  testConfig,
} from "@gw/testing";
import prepareTemplateDatabase from "@gw/testing/global-setup";
import { buildApp } from "../apps/api/src/app";
import { createApiDeps } from "../apps/api/src/deps";
import { createWorkerDeps } from "../apps/worker/src/deps";
import { handlers } from "../apps/worker/src/handlers";
import { startWorkerRuntime } from "../apps/worker/src/runtime";

// The stand-in and the worker each run in a process of their own (as GoTo and the worker do in
// production), so the API's event loop does not share its CPU time with them: the same file,
// started again with BENCH_ROLE=sim or BENCH_ROLE=worker.
const role = process.env.BENCH_ROLE;
if (role === "sim") {
  const sim = await startSim({ port: 0, rateLimitPerSecond: Number(process.env.BENCH_RATE) });
  console.log(`SIM_URL=${sim.url}`);
  process.on("SIGTERM", () => void sim.close().then(() => process.exit(0)));
  await new Promise(() => undefined);
}
if (role === "worker") {
  const config = benchConfig(
    process.env.BENCH_DATABASE_URL!,
    process.env.BENCH_REDIS_URL!,
    process.env.BENCH_REDIS_PREFIX!,
    process.env.BENCH_SIM_URL!,
    Number(process.env.BENCH_RATE),
    process.env.BENCH_WORKER_CONCURRENCY!,
  );
  const deps = createWorkerDeps(config, createLogger({ name: "bench-worker", level: "silent", pretty: false }));
  const worker = await startWorkerRuntime(deps, handlers, { queues: ["registrations"] });
  console.log("WORKER_READY");
  process.on(
    "SIGTERM",
    () =>
      void worker
        .close()
        .then(() => deps.close())
        .then(() => process.exit(0)),
  );
  await new Promise(() => undefined);
}

function benchConfig(
  databaseUrl: string,
  redisUrl: string,
  redisPrefix: string,
  simUrl: string,
  rate: number,
  workerConcurrency: string,
) {
  return testConfig({
    databaseUrl,
    redisUrl,
    redisPrefix,
    env: {
      ...simEnv({ url: simUrl }),
      GOTO_REQUESTS_PER_SECOND: String(rate),
      FORM_RATE_LIMIT_PER_MINUTE: "1000000",
      WORKER_CONCURRENCY: workerConcurrency,
      LOG_LEVEL: "silent",
    },
  });
}

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "50" },
    rates: { type: "string", default: "10,200" },
    "worker-concurrency": { type: "string", default: "32" },
  },
});
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const WORKER_CONCURRENCY = args["worker-concurrency"];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const ms = (value: number) =>
  Number.isFinite(value) ? (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`) : "-";

interface Result {
  rate: number;
  postP50: number;
  postP99: number;
  registeredP50: number;
  registeredP99: number;
  registeredMax: number;
  throughput: number;
  lost: number;
  failed: number;
  non200: number;
  gotoRequests: number;
  gotoRateLimited: number;
}

async function runScenario(rate: number): Promise<Result> {
  const simProcess = spawnEntry("bench/forms.ts", { BENCH_ROLE: "sim", BENCH_RATE: String(rate), LOG_LEVEL: "silent" });
  await simProcess.waitForOutput(/SIM_URL=\S+/);
  const simUrl = /SIM_URL=(\S+)/.exec(simProcess.output())![1]!;
  const sim = { url: simUrl, control: new SimControl(simUrl) };
  const database = await createTestDatabase(`benchforms${rate}`);
  const redis = await createTestRedis(`benchforms${rate}`);
  const config = benchConfig(database.url, redis.url, redis.prefix, sim.url, rate, WORKER_CONCURRENCY);
  const log = createLogger({ name: "bench", level: "silent", pretty: false });
  const apiDeps = createApiDeps(config, log);
  const app = await buildApp(apiDeps);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const apiUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const workerProcess = spawnEntry("bench/forms.ts", {
    BENCH_ROLE: "worker",
    BENCH_RATE: String(rate),
    BENCH_DATABASE_URL: database.url,
    BENCH_REDIS_URL: redis.url,
    BENCH_REDIS_PREFIX: redis.prefix,
    BENCH_SIM_URL: sim.url,
    BENCH_WORKER_CONCURRENCY: WORKER_CONCURRENCY,
    LOG_LEVEL: "silent",
  });
  await workerProcess.waitForOutput(/WORKER_READY/);

  try {
    const db = apiDeps.db;
    const account = await createAccount(db);
    const { connector } = await createVerifiedConnector(db, apiDeps.secretBox, { accountId: account.id, sim });
    const scenario = await sim.control.scenario({
      organizerKey: connector.organizerKey ?? undefined,
      webinars: [
        {
          subject: "Benchmark webinar",
          startsInMinutes: 7 * 24 * 60,
          durationMinutes: 60,
          questions: [{ question: "Role?", type: "multipleChoice", answers: ["A", "B"] }],
        },
      ],
    });
    const gotoWebinar = scenario.webinars[0]!;
    const webinar = await createWebinar(db, {
      accountId: account.id,
      connectorId: connector.id,
      webinarKey: gotoWebinar.webinarKey,
      subject: gotoWebinar.subject,
      startsAt: new Date(gotoWebinar.times[0]!.startTime),
      endsAt: new Date(gotoWebinar.times[0]!.endTime),
    });
    const form = await createForm({
      db,
      accountId: account.id,
      input: formInputSchema.parse({
        name: "Benchmark form",
        fields: [
          ...REGISTRANT_FIELDS,
          { name: "organization" },
          { questionKey: gotoWebinar.questionKeys[0], required: true },
        ],
        completionActions: [{ type: "REGISTER_WEBINAR", webinarId: webinar.id }],
      }),
      loadRegistrationFields: async ({ connectorId, webinarKey }) =>
        (
          await createConnectorGotoClient({ db, config, secretBox: apiDeps.secretBox, connectorId })
        ).getRegistrationFields({ webinarKey }),
    });
    const answerKey = form.fields.find((f) => f.kind === "question" && f.questionType === "multipleChoice");
    const choice = answerKey?.kind === "question" ? answerKey.options[0]!.answerKey : "";
    const statsBefore = await sim.control.stats();

    // Warm-up: one submission through the whole path (JIT, connection pools), not measured.
    await fetch(`${apiUrl}/f/${form.id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        email: "warmup@example.com",
        firstName: "Warm",
        lastName: "Up",
        [`q${gotoWebinar.questionKeys[0]}`]: choice,
      }).toString(),
    });

    const submittedAt = new Map<string, number>();
    const postLatency: number[] = [];
    let non200 = 0;
    let next = 0;
    const started = Date.now();
    const submitOne = async (i: number) => {
      const email = `bench-${rate}-${i}@example.com`;
      const body = new URLSearchParams({
        email,
        firstName: "Bench",
        lastName: `Person ${i}`,
        organization: "Load Test Inc",
        [`q${gotoWebinar.questionKeys[0]}`]: choice,
      }).toString();
      const t0 = Date.now();
      submittedAt.set(email, t0);
      const res = await fetch(`${apiUrl}/f/${form.id}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      await res.arrayBuffer();
      postLatency.push(Date.now() - t0);
      if (res.status !== 200) non200++;
    };
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < COUNT) await submitOne(next++);
      }),
    );
    const submittedIn = Date.now() - started;

    // Wait for every request to settle (or stop after 10 minutes and count the rest as lost).
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      const pending = await db.registrationRequest.count({ where: { accountId: account.id, status: "PENDING" } });
      if (pending === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const requests = await db.registrationRequest.findMany({
      where: { accountId: account.id },
      select: { status: true, completedAt: true, prospect: { select: { email: true } } },
    });
    const registrants = new Set(
      (await sim.control.registrants(gotoWebinar.webinarKey)).map((r) => r.email.toLowerCase()),
    );
    const delays: number[] = [];
    let failed = 0;
    let lastDone = started;
    for (const request of requests) {
      const t0 = submittedAt.get(request.prospect.email);
      if (t0 === undefined) continue;
      if (request.status === "SUCCEEDED" && request.completedAt) {
        delays.push(request.completedAt.getTime() - t0);
        lastDone = Math.max(lastDone, request.completedAt.getTime());
      }
      if (request.status === "FAILED") failed++;
    }
    const lost = [...submittedAt.keys()].filter((email) => !registrants.has(email)).length;
    const statsAfter = await sim.control.stats();
    postLatency.sort((a, b) => a - b);
    delays.sort((a, b) => a - b);
    console.error(
      `rate ${rate}/s: submitted ${COUNT} in ${submittedIn} ms; all registered after ${lastDone - started} ms`,
    );
    return {
      rate,
      postP50: percentile(postLatency, 50),
      postP99: percentile(postLatency, 99),
      registeredP50: percentile(delays, 50),
      registeredP99: percentile(delays, 99),
      registeredMax: delays.at(-1) ?? Number.NaN,
      throughput: (delays.length / Math.max(1, lastDone - started)) * 1000,
      lost,
      failed,
      non200,
      gotoRequests: statDelta(statsBefore, statsAfter, "total"),
      gotoRateLimited: statDelta(statsBefore, statsAfter, "rateLimited"),
    };
  } finally {
    workerProcess.child.kill("SIGTERM");
    await workerProcess.waitForExit().catch(() => workerProcess.kill());
    await app.close();
    await apiDeps.close();
    simProcess.child.kill("SIGTERM");
    await simProcess.waitForExit().catch(() => simProcess.kill());
    await redis.cleanup();
    await database.drop();
  }
}

function statDelta(before: unknown, after: unknown, key: string): number {
  const read = (stats: unknown) => Number((stats as Record<string, unknown>)?.[key] ?? Number.NaN);
  return read(after) - read(before);
}

await prepareTemplateDatabase(); // the migrated template each bench database is copied from
const results: Result[] = [];
for (const rate of String(args.rates).split(",").map(Number)) results.push(await runScenario(rate));

console.log(
  `\nForm registrations: ${COUNT} submissions, ${CONCURRENCY} at a time, worker concurrency ${WORKER_CONCURRENCY}\n`,
);
console.log(
  "| GoTo limit | POST p50 | POST p99 | submit→registered p50 | p99 | max | registrations/s | lost | failed | non-200 | GoTo requests | GoTo 429s |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of results) {
  console.log(
    `| ${r.rate}/s | ${ms(r.postP50)} | ${ms(r.postP99)} | ${ms(r.registeredP50)} | ${ms(r.registeredP99)} | ${ms(r.registeredMax)} | ${r.throughput.toFixed(1)} | ${r.lost} | ${r.failed} | ${r.non200} | ${Number.isFinite(r.gotoRequests) ? r.gotoRequests : "-"} | ${Number.isFinite(r.gotoRateLimited) ? r.gotoRateLimited : "-"} |`,
  );
}
process.exit(results.some((r) => r.lost > 0) ? 1 : 0);
