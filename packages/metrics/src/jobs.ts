import { Counter, Histogram } from "prom-client";
import { registry } from "./registry";

const jobDuration = new Histogram({
  name: "gw_job_duration_seconds",
  help: "Time a worker spent on one attempt of a job, by job name and outcome (completed, failed)",
  labelNames: ["job", "outcome"] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [registry],
});

const jobFailures = new Counter({
  name: "gw_job_failures_total",
  help: "Failed job attempts by job name; final=true when the job will not be tried again",
  labelNames: ["job", "final"] as const,
  registers: [registry],
});

/** One attempt of a job, as the worker ran it. */
export function recordJob(job: string, outcome: "completed" | "failed", durationMs: number, final = false): void {
  jobDuration.observe({ job, outcome }, durationMs / 1000);
  if (outcome === "failed") jobFailures.inc({ job, final: final ? "true" : "false" });
}
