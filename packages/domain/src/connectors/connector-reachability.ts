import { type PgQueryDb, pgQuery } from "@gw/db";
import type { GotoLogger, RequestEvent } from "@gw/gotowebinar";

/** How long every request may fail before the outage is told (connector.failed). */
export const DEFAULT_UNREACHABLE_AFTER_MS = 60 * 60_000;

export interface ReachabilityTrackerOptions {
  db: PgQueryDb;
  connectorId: string;
  unreachableAfterMs?: number;
  /** The row's unreachableSince as the caller read it: a success ends that outage. */
  unreachableSince: Date | null;
  log?: GotoLogger;
  now?: () => Date;
}

export interface ReachabilityTracker {
  /** Every attempt's outcome, as the GoTo client reports it (synchronously, never throws). */
  record(event: RequestEvent): void;
  /** Resolves when what has been recorded so far is in Postgres. */
  settled(): Promise<void>;
}

/**
 * No answer (network error, timeout) and 5xx mean GoTo is unreachable; any other answer means it
 * is reachable, except 429, which tells nothing about an outage either way (GoTo answered, but
 * only to say "later").
 */
export function reachabilityOf(status: number): "unreachable" | "reachable" | "unknown" {
  if (status === 0 || status >= 500) return "unreachable";
  if (status === 429) return "unknown";
  return "reachable";
}

export function describeUnreachable(status: number): string {
  return status === 0
    ? "GoTo Webinar did not answer (network error or timeout)"
    : `GoTo Webinar answered with a server error (HTTP ${status})`;
}

/**
 * Tracks a connector's GoTo outage in its row, so every worker process agrees and a restart loses
 * nothing: the first failing request sets `unreachableSince`; a failure past the configured period
 * writes connector.failed (goto_unreachable) and `unreachableNotifiedAt` in one statement, which
 * only one process can win; the first answer afterwards clears both and, if the outage was told,
 * writes connector.recovered in one statement too.
 *
 * Successes cost nothing while no outage is known: a process only clears an outage it has seen
 * (in the row it read, or through its own failures), so a sync that goes well makes no writes.
 * Failures are written one at a time: while one write is under way, further failures are folded
 * into it (they would say the same).
 */
export function createReachabilityTracker(options: ReachabilityTrackerOptions): ReachabilityTracker {
  const now = options.now ?? (() => new Date());
  const afterMs = options.unreachableAfterMs ?? DEFAULT_UNREACHABLE_AFTER_MS;
  let knownSince = options.unreachableSince;
  let chain: Promise<void> = Promise.resolve();
  let failurePending = false;

  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work).catch((error: unknown) => {
      options.log?.warn({ connectorId: options.connectorId, err: error }, "could not record GoTo reachability");
    });
  };

  return {
    record(event) {
      const state = reachabilityOf(event.status);
      if (state === "unreachable") {
        // Known at once, so that an answer arriving before the write ends this outage too.
        knownSince ??= now();
        if (failurePending) return;
        failurePending = true;
        const message = describeUnreachable(event.status);
        enqueue(async () => {
          failurePending = false;
          knownSince = await recordFailure(options.db, options.connectorId, now(), afterMs, message);
        });
      } else if (state === "reachable" && knownSince) {
        knownSince = null;
        enqueue(() => recordRecovery(options.db, options.connectorId, now()));
      }
    },
    settled: () => chain,
  };
}

async function recordFailure(
  db: PgQueryDb,
  connectorId: string,
  at: Date,
  afterMs: number,
  lastError: string,
): Promise<Date | null> {
  const [row] = await pgQuery<{ since: Date | null; notifiedAt: Date | null }>(
    db,
    `UPDATE "Connector" SET "unreachableSince" = COALESCE("unreachableSince", $2)
     WHERE "id" = $1::uuid AND "deletedAt" IS NULL
     RETURNING "unreachableSince" AS "since", "unreachableNotifiedAt" AS "notifiedAt"`,
    [connectorId, at],
  );
  if (!row?.since || row.notifiedAt || at.getTime() - row.since.getTime() < afterMs) return row?.since ?? null;
  // The WHERE is checked again on the row another process may just have changed: one of them tells.
  await pgQuery(
    db,
    `WITH u AS (
       UPDATE "Connector" SET "unreachableNotifiedAt" = $2
       WHERE "id" = $1::uuid AND "unreachableSince" IS NOT NULL AND "unreachableNotifiedAt" IS NULL
         AND "unreachableSince" <= $2::timestamptz - make_interval(secs => $3::double precision / 1000)
       RETURNING "id", "accountId", "name", "unreachableSince"
     )
     INSERT INTO "ChangeEvent" ("accountId", "type", "data", "occurredAt")
     SELECT u."accountId", 'connector.failed',
       jsonb_build_object('connectorId', u."id", 'connectorName', u."name", 'reason', 'goto_unreachable',
         'unreachableSince', u."unreachableSince",
         'message', 'Every request to GoTo Webinar has failed since ' || to_char(u."unreachableSince" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') || '. Last error: ' || $4::text || '.'),
       $2
     FROM u`,
    [connectorId, at, afterMs, lastError],
  );
  return row.since;
}

async function recordRecovery(db: PgQueryDb, connectorId: string, at: Date): Promise<void> {
  // FOR UPDATE: a second process waits, then finds the outage gone and writes nothing.
  await pgQuery(
    db,
    `WITH old AS (
       SELECT "id", "unreachableSince", "unreachableNotifiedAt" FROM "Connector"
       WHERE "id" = $1::uuid AND "unreachableSince" IS NOT NULL
       FOR UPDATE
     ), u AS (
       UPDATE "Connector" c SET "unreachableSince" = NULL, "unreachableNotifiedAt" = NULL
       FROM old WHERE c."id" = old."id"
       RETURNING c."id", c."accountId", c."name", old."unreachableSince", old."unreachableNotifiedAt"
     )
     INSERT INTO "ChangeEvent" ("accountId", "type", "data", "occurredAt")
     SELECT u."accountId", 'connector.recovered',
       jsonb_build_object('connectorId', u."id", 'connectorName', u."name",
         'unreachableSince', u."unreachableSince", 'recoveredAt', $2::timestamptz,
         'outageSeconds', floor(extract(epoch FROM ($2::timestamptz - u."unreachableSince")))::int),
       $2
     FROM u WHERE u."unreachableNotifiedAt" IS NOT NULL`,
    [connectorId, at],
  );
}
