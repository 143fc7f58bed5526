import { readBacklog } from "@gw/domain/observability";
import { addSamplers, isMetricsAuthorized, recordHttpRequest, renderMetrics } from "@gw/metrics";
import { readQueueDepths } from "@gw/queues";
import type { App } from "../app";
import type { ApiDeps } from "../deps";

/**
 * Prometheus: every answered request's duration by route pattern, and `GET /metrics` for
 * `Authorization: Bearer <METRICS_TOKEN>` only (404 when no token is set: the series say how
 * busy the service is and which connectors it has, so they are never public).
 */
export function registerMetrics(app: App, deps: ApiDeps) {
  app.addHook("onResponse", async (request, reply) => {
    // The pattern, never the URL: ids and tokens in paths must not become label values.
    const route = request.routeOptions.url ?? "unmatched";
    recordHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime);
  });

  const token = deps.config.metrics.token;
  if (!token) return;
  const removeSamplers = addSamplers({
    queues: () => readQueueDepths(deps.queues),
    backlog: () => readBacklog({ db: deps.db }),
    onError: (sample, error) => deps.log.warn({ err: error, sample }, "metrics: a reading failed"),
  });
  app.addHook("onClose", async () => removeSamplers());

  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    if (!isMetricsAuthorized(request.headers.authorization, token)) {
      return reply.status(401).header("www-authenticate", 'Bearer realm="metrics"').send({
        statusCode: 401,
        error: "Unauthorized",
        message: "Send Authorization: Bearer <METRICS_TOKEN> to read the metrics.",
        reqId: request.id,
      });
    }
    const { contentType, body } = await renderMetrics();
    return reply.header("content-type", contentType).header("cache-control", "no-store").send(body);
  });
}
