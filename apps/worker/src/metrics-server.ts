import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readBacklog } from "@gw/domain/observability";
import { addSamplers, isMetricsAuthorized, renderMetrics } from "@gw/metrics";
import { readQueueDepths } from "@gw/queues";
import type { WorkerDeps } from "./deps";

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The worker's `/metrics` (Prometheus) on METRICS_PORT, for `Authorization: Bearer
 * <METRICS_TOKEN>` only; nothing listens without a token. A plain node:http server: the worker
 * has no other HTTP to serve, and one route needs no framework.
 */
export async function startMetricsServer(
  deps: Pick<WorkerDeps, "config" | "db" | "queues" | "log">,
): Promise<MetricsServer | undefined> {
  const { token, workerPort } = deps.config.metrics;
  if (!token) return undefined;
  const removeSamplers = addSamplers({
    queues: () => readQueueDepths(deps.queues),
    backlog: () => readBacklog({ db: deps.db }),
    onError: (sample, error) => deps.log.warn({ err: error, sample }, "metrics: a reading failed"),
  });
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found: the worker serves GET /metrics only\n");
      return;
    }
    if (!isMetricsAuthorized(req.headers.authorization, token)) {
      res
        .writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' })
        .end("Send Authorization: Bearer <METRICS_TOKEN>\n");
      return;
    }
    renderMetrics().then(
      ({ contentType, body }) => res.writeHead(200, { "content-type": contentType }).end(body),
      (error: unknown) => {
        deps.log.warn({ err: error }, "metrics could not be rendered");
        res.writeHead(500, { "content-type": "text/plain" }).end("metrics could not be rendered\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(workerPort, deps.config.http.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  deps.log.info({ port }, "worker metrics listening");
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        removeSamplers();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
