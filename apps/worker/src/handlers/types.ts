import type { Logger } from "@gw/logger";
import type { JobName, jobCatalog, PayloadOf } from "@gw/queues";
import type { WorkerDeps } from "../deps";

export interface JobContext {
  deps: WorkerDeps;
  log: Logger;
  jobId: string;
  attempt: number;
  requestId?: string;
  /** Aborts when the worker shuts down and the job ran past the grace period: stop and release what you hold. */
  signal: AbortSignal;
}

type DefinitionOf<N extends JobName> = Extract<(typeof jobCatalog)[number], { name: N }>;

export type JobHandler<N extends JobName> = (payload: PayloadOf<DefinitionOf<N>>, ctx: JobContext) => Promise<unknown>;

/** Exactly one handler per job of the catalog: the compiler checks it, the runtime re-checks it. */
export type JobHandlers = { [N in JobName]: JobHandler<N> };
