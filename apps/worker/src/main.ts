// The worker process: BullMQ consumers and the dispatcher's job scheduler.
import { closeOnSignals, startProcess } from "@gw/runtime";
import { createWorkerDeps } from "./deps";
import { handlers } from "./handlers";
import { type MetricsServer, startMetricsServer } from "./metrics-server";
import { startWorkerRuntime } from "./runtime";
import { type SegmentConsumer, startSegmentConsumer } from "./segment-consumer";

// The worker serves no sessions: only production refuses it the development secrets.
const { config, log } = await startProcess({ name: "worker", listens: false });
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
