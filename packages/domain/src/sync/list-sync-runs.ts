import type { Db, SyncKind, SyncStatus } from "@gw/db";
import { invalid } from "../errors/index";
import { explainSyncError, type PlainError } from "./explain-sync-error";

export interface SyncRunView {
  id: string;
  kind: SyncKind;
  status: SyncStatus;
  connectorId: string | null;
  webinarId: string | null;
  /** The webinar's title, so a run names what it synced. */
  webinarSubject: string | null;
  jobId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  fetched: number;
  created: number;
  updated: number;
  skipped: number;
  apiRequests: number;
  error: string | null;
  problem: PlainError | null;
}

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
