import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * The process's one registry: every series of this process (API or worker) is kept here, and
 * `/metrics` renders it. Process-wide on purpose: a counter is the process's, whoever
 * increments it; tests that build several apps in one process read the same series.
 */
export const registry = new Registry();

// CPU, memory, event-loop lag and GC under their usual names (process_*, nodejs_*), so stock
// Node.js dashboards work too.
collectDefaultMetrics({ register: registry });
