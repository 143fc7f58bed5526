import type { syncRun } from "@gw/api-contract";
import type { Db } from "@gw/db";
import type { z } from "zod";
import { invalid } from "../errors/index";
import { explainSyncError } from "./explain-sync-error";

/** One run of the Sync activity page: exactly the API's (one source of truth, dates as Dates). */
export type SyncRunView = z.infer<typeof syncRun>;

export interface ListSyncRunsOptions {
  db: Pick<Db, "syncRun">;
  accountId: string;
  connectorId?: string;
  webinarId?: string;
  /** 1..100, default 20. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface SyncRunPage {
  items: SyncRunView[];
  nextCursor: string | null;
}

const encodeCursor = (run: { startedAt: Date; id: string }) =>
  Buffer.from(`${run.startedAt.toISOString()}|${run.id}`).toString("base64url");

function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const startedAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(startedAt.getTime())) {
    throw invalid("cursor", "cursor is not one this API returned; pass nextCursor from the previous page", cursor);
  }
  return { startedAt, id };
}

/** The account's sync runs, newest first, optionally of one connector or webinar. */
export async function listSyncRuns(options: ListSyncRunsOptions): Promise<SyncRunPage> {
  const limit = options.limit ?? 20;
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const rows = await options.db.syncRun.findMany({
    where: {
      accountId: options.accountId,
      ...(options.connectorId ? { connectorId: options.connectorId } : {}),
      ...(options.webinarId ? { webinarId: options.webinarId } : {}),
      ...(after
        ? { OR: [{ startedAt: { lt: after.startedAt } }, { startedAt: after.startedAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      kind: true,
      status: true,
      connectorId: true,
      webinarId: true,
      jobId: true,
      startedAt: true,
      finishedAt: true,
      durationMs: true,
      fetched: true,
      created: true,
      updated: true,
      skipped: true,
      apiRequests: true,
      error: true,
      webinar: { select: { subject: true } },
    },
  });
  const items = rows.slice(0, limit).map(({ webinar, ...run }) => ({
    ...run,
    webinarSubject: webinar?.subject ?? null,
    problem: explainSyncError(run.error),
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
