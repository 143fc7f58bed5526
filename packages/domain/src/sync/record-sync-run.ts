import type { Db, SyncKind } from "@gw/db";
import type { SyncCounts, SyncRunDone } from "./types";

export interface StartSyncRunOptions {
  db: Pick<Db, "syncRun">;
  kind: SyncKind;
  accountId: string;
  connectorId?: string | null;
  webinarId?: string | null;
  jobId?: string | null;
}

export interface SyncRunHandle {
  id: string;
  startedAt: Date;
}

/** Opens the record of one job first, so a job that dies half-way still leaves a trace. */
export async function startSyncRun(options: StartSyncRunOptions): Promise<SyncRunHandle> {
  const run = await options.db.syncRun.create({
    data: {
      kind: options.kind,
      accountId: options.accountId,
      connectorId: options.connectorId ?? null,
      webinarId: options.webinarId ?? null,
      jobId: options.jobId ?? null,
    },
    select: { id: true, startedAt: true },
  });
  return run;
}

export interface FinishSyncRunOptions {
  db: Pick<Db, "syncRun">;
  run: SyncRunHandle;
  counts?: Partial<SyncCounts>;
  apiRequests: number;
  error?: unknown;
  now?: Date;
}

/** Closes the record with what the job fetched, created, updated and skipped, or its error. */
export async function finishSyncRun(options: FinishSyncRunOptions): Promise<void> {
  const finishedAt = options.now ?? new Date();
  const counts = options.counts ?? {};
  await options.db.syncRun.update({
    where: { id: options.run.id },
    data: {
      status: options.error === undefined ? "SUCCEEDED" : "FAILED",
      finishedAt,
      durationMs: Math.max(0, finishedAt.getTime() - options.run.startedAt.getTime()),
      fetched: counts.fetched ?? 0,
      created: counts.created ?? 0,
      updated: counts.updated ?? 0,
      skipped: counts.skipped ?? 0,
      apiRequests: options.apiRequests,
      error: options.error === undefined ? null : describeError(options.error),
    },
  });
}

/** Closes the record of a run that went through and answers with it, as every sync does. */
export async function finishSucceededSyncRun<Extra>(
  options: FinishSyncRunOptions & { kind: SyncKind; counts: SyncCounts },
  result: Extra & Pick<SyncRunDone, "details">,
): Promise<SyncRunDone & Extra> {
  await finishSyncRun(options);
  return { status: "synced", kind: options.kind, runId: options.run.id, counts: options.counts, ...result };
}

/** One line for operators; messages from our client and domain carry no tokens. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.split("\n")[0]?.slice(0, 500) ?? "unknown error";
}
