export { closeOnSignals } from "./close-on-signals";
export { createProcessDeps, type ProcessDeps, type ProcessDepsOptions } from "./process-deps";
export { type StartProcessOptions, startProcess } from "./start-process";
