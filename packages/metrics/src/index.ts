export { isMetricsAuthorized } from "./authorize";
export { type GotoOutcome, gotoEndpoint, gotoOutcome, recordGotoRequest, recordLimiterWait } from "./goto";
export { recordHttpRequest } from "./http";
export { recordJob } from "./jobs";
export { registry } from "./registry";
export { renderMetrics } from "./render-metrics";
export { addSamplers, type BacklogSample, type QueueDepth, type Samplers } from "./sampled";
