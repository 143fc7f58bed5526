import type { AppConfig } from "@gw/config";
import type { Logger } from "@gw/logger";
import { createProcessDeps, type ProcessDeps } from "@gw/runtime";

/** Everything job handlers may use, built once in the composition root. */
export type WorkerDeps = ProcessDeps;

export function createWorkerDeps(config: AppConfig, log: Logger): WorkerDeps & { close(): Promise<void> } {
  return createProcessDeps(config, log, {
    redisRole: "worker",
    db: { poolSize: Math.max(10, config.worker.concurrency + 4) },
  });
}
