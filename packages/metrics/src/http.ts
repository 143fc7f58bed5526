import { Histogram } from "prom-client";
import { registry } from "./registry";

const httpDuration = new Histogram({
  name: "gw_http_request_duration_seconds",
  help: "API request durations by method, route pattern (not the raw URL) and status code",
  labelNames: ["method", "route", "status_code"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/** One answered HTTP request; `route` is the matched pattern (`/api/forms/:id`), never the URL. */
export function recordHttpRequest(method: string, route: string, statusCode: number, durationMs: number): void {
  httpDuration.observe({ method, route, status_code: String(statusCode) }, durationMs / 1000);
}
