// What operators watch: the backlog the metrics gauges report.
export { type Backlog, type ReadBacklogOptions, readBacklog } from "./read-backlog";
