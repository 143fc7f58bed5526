import { type PgQueryDb, pgQuery } from "@gw/db";

/** One unit of due work; the worker turns each into a job with a deterministic id. */
export type DueWork =
  | { kind: "backfill"; connectorId: string; dueAt: Date }
  | { kind: "discovery"; connectorId: string; dueAt: Date }
  | { kind: "webinar"; webinarId: string; connectorId: string; dueAt: Date };

/** Where due work goes (the worker's queues); adding work already queued must be a no-op. */
export interface DueWorkSink {
  enqueue(work: DueWork[]): Promise<void>;
}

export interface DispatchDueWorkOptions {
  db: PgQueryDb;
  sink: DueWorkSink;
  now?: Date;
  /** Webinars handed out per tick at most, the most overdue first; the rest wait for the next tick. */
  limit?: number;
  /** Only this connector's work (a backfill hands its webinars out at once). */
  connectorId?: string;
}

export interface DispatchResult {
  backfills: number;
  discoveries: number;
  webinars: number;
}

/**
 * The scheduler tick: reads from Postgres, with indexed queries, what is due — VERIFIED
 * connectors due for backfill or discovery, webinars (not cancelled, connector VERIFIED) whose
 * next poll or attendance sync has passed — and hands it to the sink. The schedule lives only
 * in Postgres, so after Redis was flushed the next tick re-creates every job that was lost;
 * deterministic job ids make handing out work that is already queued harmless.
 */
export async function dispatchDueWork(options: DispatchDueWorkOptions): Promise<DispatchResult> {
  const { db, sink } = options;
  const now = options.now ?? new Date();
  const limit = options.limit ?? 1_000;
  const connectorFilter = options.connectorId ?? null;

  const connectors = await pgQuery<{ id: string; backfillDueAt: Date | null; nextDiscoveryAt: Date | null }>(
    db,
    `SELECT "id", "backfillDueAt", "nextDiscoveryAt"
     FROM "Connector"
     WHERE "status" = 'VERIFIED' AND "deletedAt" IS NULL
       AND ("backfillDueAt" <= $1 OR "nextDiscoveryAt" <= $1 OR "nextDiscoveryAt" IS NULL)
       AND ($2::uuid IS NULL OR "id" = $2::uuid)`,
    [now, connectorFilter],
  );

  // The OR becomes a BitmapOr of the nextPollAt and nextAttendanceSyncAt indexes: the cost
  // follows the number of due webinars, not the number tracked. Cancelled webinars carry no
  // due time at all.
  const webinars = await pgQuery<{ id: string; connectorId: string; dueAt: Date }>(
    db,
    `SELECT w."id", w."connectorId",
       LEAST(COALESCE(w."nextPollAt", 'infinity'), COALESCE(w."nextAttendanceSyncAt", 'infinity')) AS "dueAt"
     FROM "Webinar" w
     JOIN "Connector" c ON c."id" = w."connectorId"
     WHERE (w."nextPollAt" <= $1 OR w."nextAttendanceSyncAt" <= $1)
       AND w."status" <> 'CANCELLED' AND c."status" = 'VERIFIED' AND c."deletedAt" IS NULL
       AND ($2::uuid IS NULL OR w."connectorId" = $2::uuid)
     ORDER BY "dueAt"
     LIMIT $3`,
    [now, connectorFilter, limit],
  );

  const work: DueWork[] = [];
  let backfills = 0;
  let discoveries = 0;
  for (const c of connectors) {
    // A backfill lists everything a discovery would; one job per connector at a time.
    if (c.backfillDueAt && c.backfillDueAt <= now) {
      work.push({ kind: "backfill", connectorId: c.id, dueAt: c.backfillDueAt });
      backfills++;
    } else {
      work.push({ kind: "discovery", connectorId: c.id, dueAt: c.nextDiscoveryAt ?? now });
      discoveries++;
    }
  }
  for (const w of webinars) work.push({ kind: "webinar", webinarId: w.id, connectorId: w.connectorId, dueAt: w.dueAt });
  if (work.length > 0) await sink.enqueue(work);
  return { backfills, discoveries, webinars: webinars.length };
}
