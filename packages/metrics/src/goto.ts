import { Counter, Histogram } from "prom-client";
import { registry } from "./registry";

export type GotoOutcome = "2xx" | "3xx" | "4xx" | "429" | "5xx" | "network";

const gotoRequests = new Counter({
  name: "gw_goto_requests_total",
  help: "HTTP requests sent to GoTo Webinar (every attempt, retries included), by endpoint and outcome",
  labelNames: ["endpoint", "outcome"] as const,
  registers: [registry],
});

const gotoRequestDuration = new Histogram({
  name: "gw_goto_request_duration_seconds",
  help: "Time from sending a request to GoTo Webinar to its answer (or failure), by endpoint",
  labelNames: ["endpoint"] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

const limiterWait = new Histogram({
  name: "gw_goto_limiter_wait_seconds",
  help: "Time a GoTo request waited for its turn in the shared request budget, by priority",
  labelNames: ["priority"] as const,
  buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  registers: [registry],
});

/** What the outcome label says about a status (0: no answer, a network error or a timeout). */
export function gotoOutcome(status: number): GotoOutcome {
  if (status === 0) return "network";
  if (status === 429) return "429";
  if (status >= 500) return "5xx";
  if (status >= 400) return "4xx";
  if (status >= 300) return "3xx";
  return "2xx";
}

// Keys (GoTo's are 64-bit integers, some resources' UUIDs) are replaced so that the endpoint
// label stays a short, fixed list; version segments such as `v1` stay.
const KEY_SEGMENT = /^(\d+|(?=.*\d)[\w-]{16,})$/;

/** `/organizers/123/webinars/456/registrants` → `/organizers/{key}/webinars/{key}/registrants`. */
export function gotoEndpoint(path: string): string {
  const bare = path.split("?")[0] ?? path;
  return bare
    .split("/")
    .map((segment) => (KEY_SEGMENT.test(segment) ? "{key}" : segment))
    .join("/");
}

/** One attempt of a GoTo request: counted by endpoint and outcome, timed by endpoint. */
export function recordGotoRequest(event: { path: string; status: number; durationMs: number }): void {
  const endpoint = gotoEndpoint(event.path);
  gotoRequests.inc({ endpoint, outcome: gotoOutcome(event.status) });
  gotoRequestDuration.observe({ endpoint }, event.durationMs / 1000);
}

/** How long a request waited for the budget to let it start. */
export function recordLimiterWait(priority: string, waitedMs: number): void {
  limiterWait.observe({ priority }, Math.max(0, waitedMs) / 1000);
}
