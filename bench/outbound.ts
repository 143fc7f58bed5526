// Benchmark of outbound event delivery: `npx tsx bench/outbound.ts [--events 10000] [--endpoints 1,10]`.
//
// A worker runtime (outbound queue) on a database and Redis prefix of its own delivers to a
// local receiver that verifies every signature with the Standard Webhooks library. For each run
// the events (participation.registered, one per prospect) are written to the change log at once,
// spread over N endpoints of N accounts; we time until the receiver has every event, and each
// event's latency from its write to its verified arrival (fan-out polling included).
import { parseArgs } from "node:util";
import { pgQuery } from "@gw/db";
import { createEndpoint } from "@gw/domain/outbound";
import { createLogger } from "@gw/logger";
import { createAccount, createConnector, createTestStores, createWebinar, startWebhookReceiver } from "@gw/testing";
import prepareTemplateDatabase from "@gw/testing/global-setup";
import { createWorkerDeps } from "../apps/worker/src/deps";
import { handlers } from "../apps/worker/src/handlers";
import { startWorkerRuntime } from "../apps/worker/src/runtime";

const { values } = parseArgs({
  options: { events: { type: "string", default: "10000" }, endpoints: { type: "string", default: "1,10" } },
});
const total = Number(values.events);
const endpointCounts = values.endpoints.split(",").map(Number);

await prepareTemplateDatabase();
const rows: string[][] = [];
for (const endpointCount of endpointCounts) rows.push(await run(endpointCount));

console.log(`\nOutbound delivery of ${total} events to a local receiver (signatures verified)\n`);
const header = ["endpoints", "events", "total s", "events/s", "p50 ms", "p99 ms", "max ms"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
console.log(line(header));
for (const row of rows) console.log(line(row));
process.exit(0);

async function run(endpointCount: number): Promise<string[]> {
  const stores = await createTestStores("bench_outbound", {
    env: { OUTBOUND_ALLOW_PRIVATE_URLS: "true", OUTBOUND_FAN_OUT_EVERY_MS: "200", WORKER_CONCURRENCY: "16" },
  });
  const { config } = stores;
  const deps = createWorkerDeps(config, createLogger({ name: "bench", level: "silent", pretty: false }));
  const secrets = new Map<string, string>();
  let current = "";
  const receiver = await startWebhookReceiver(() => current);
  const endpointUrl = (accountId: string) => `${receiver.url}?account=${accountId}`;
  const accounts: { id: string; webinarId: string }[] = [];
  for (let i = 0; i < endpointCount; i++) {
    const account = await createAccount(deps.db);
    const connector = await createConnector(deps.db, { accountId: account.id });
    const webinar = await createWebinar(deps.db, { accountId: account.id, connectorId: connector.id });
    const endpoint = await createEndpoint({
      db: deps.db,
      secretBox: deps.secretBox,
      allowPrivateUrls: true,
      accountId: account.id,
      input: {
        url: endpointUrl(account.id),
      },
    });
    secrets.set(account.id, endpoint.secret);
    accounts.push({ id: account.id, webinarId: webinar.id });
  }
  if (endpointCount === 1) current = secrets.get(accounts[0]!.id)!;
  else {
    // One secret for every endpoint of this run, so one receiver verifies them all.
    current = secrets.get(accounts[0]!.id)!;
    await deps.db.outboundEndpoint.updateMany({ data: { secretEnc: deps.secretBox.encrypt(current) } });
  }

  const runtime = await startWorkerRuntime(deps, handlers, { queues: ["outbound"] });
  const perAccount = Math.ceil(total / endpointCount);
  const started = Date.now();
  for (const account of accounts) {
    await pgQuery(
      deps.db,
      `INSERT INTO "ChangeEvent" ("accountId", "webinarId", "type", "data")
       SELECT $1::uuid, $2::uuid, 'participation.registered', jsonb_build_object('n', n) FROM generate_series(1, $3::int) n`,
      [account.id, account.webinarId, perAccount],
    );
  }
  const expected = perAccount * endpointCount;
  await receiver.waitFor(() => receiver.received.length >= expected, 600_000);
  const seconds = (Date.now() - started) / 1000;
  const created = new Map(
    (
      await pgQuery<{ id: string; created: Date }>(
        deps.db,
        `SELECT 'evt_' || c.id AS id, c."createdAt" AS created FROM "ChangeEvent" c`,
        [],
      )
    ).map((row) => [row.id, row.created.getTime()]),
  );
  const latencies = receiver.received
    .map((event) => event.receivedAt - (created.get(event.id) ?? started))
    .sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  await runtime.close();
  await receiver.close();
  await deps.close();
  await stores.close();
  return [
    String(endpointCount),
    String(expected),
    seconds.toFixed(1),
    Math.round(expected / seconds).toString(),
    String(at(0.5)),
    String(at(0.99)),
    String(latencies.at(-1)),
  ];
}
