// The worker process: BullMQ consumers and the dispatcher's job scheduler.
import { ConfigError, loadConfig } from "@gw/config";
import { prepareDatabase } from "@gw/db";
import { closeOnSignals, createLogger } from "@gw/logger";
import { createWorkerDeps } from "./deps";
import { handlers } from "./handlers";
import { type MetricsServer, startMetricsServer } from "./metrics-server";
import { startWorkerRuntime } from "./runtime";
import { type SegmentConsumer, startSegmentConsumer } from "./segment-consumer";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const log = createLogger({ name: "worker", level: config.logLevel });

try {
  await prepareDatabase(config.databaseUrl, { migrate: config.migrateOnStart });
} catch (error) {
  log.fatal((error as Error).message);
  process.exit(1);
}

const deps = createWorkerDeps(config, log);
let runtime: Awaited<ReturnType<typeof startWorkerRuntime>> | undefined;
let segments: SegmentConsumer | undefined;
let metrics: MetricsServer | undefined;
// Listen for signals before starting, so a SIGTERM during start-up still closes cleanly.
closeOnSignals(log, async () => {
  await segments?.close(); // a round in progress finishes; unprocessed marks stay in Postgres
  await runtime?.close(); // running jobs finish; waiting ones stay in Redis for the next worker
  await metrics?.close();
  await deps.close();
});
runtime = await startWorkerRuntime(deps, handlers);
segments = startSegmentConsumer(deps);
try {
  metrics = await startMetricsServer(deps);
} catch (error) {
  // Several workers on one host need a METRICS_PORT each; the jobs matter more than the metrics.
  log.error({ err: error, port: config.metrics.workerPort }, "worker metrics could not listen (set METRICS_PORT)");
}
