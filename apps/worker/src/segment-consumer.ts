import { processDirtyProspects, refreshTimeRelativeSegments } from "@gw/domain/segments";
import { enqueue, pushRegistrationJob } from "@gw/queues";
import type { WorkerDeps } from "./deps";
import { notifiedPasses } from "./serial-passes";

export interface SegmentConsumer {
  /** Resolves when no marked prospect is left that this consumer could claim (tests, benchmarks). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export interface SegmentConsumerOptions {
  batchSize?: number;
  sweepEveryMs?: number;
  refreshEveryMs?: number;
}

/**
 * Keeps dynamic lists and automation rules current: Postgres triggers mark changed prospects
 * and NOTIFY segment_dirty; this LISTENs and re-checks the marked prospects at once. A sweep
 * every SEGMENT_SWEEP_EVERY_MS does the same, so a missed notification (a dropped connection,
 * a restart) delays a change by at most one sweep and loses nothing: the marks are rows in
 * Postgres, not messages. Several workers share the marks (claims skip each other's rows).
 */
export function startSegmentConsumer(deps: WorkerDeps, options: SegmentConsumerOptions = {}): SegmentConsumer {
  const { config, db } = deps;
  const log = deps.log.child({ module: "segments" });
  const sweepEveryMs = options.sweepEveryMs ?? config.segments.sweepEveryMs;
  const refreshEveryMs = options.refreshEveryMs ?? config.segments.refreshEveryMs;
  let closed = false;

  const enqueuePushes = async (requestIds: string[]) => {
    for (const requestId of requestIds) {
      // A lost enqueue costs a registration sweep interval, never the registration (it is in Postgres).
      await enqueue(deps.queues, pushRegistrationJob, { requestId, attempt: 0 }).catch((error) =>
        log.warn({ err: error, requestId }, "could not enqueue a rule's registration; the sweeper will"),
      );
    }
  };

  const drainOnce = async () => {
    const batchSize = options.batchSize ?? 5000;
    for (;;) {
      const result = await processDirtyProspects({
        db,
        batchSize,
        giveUpAfterMs: config.registrations.giveUpAfterMs,
        log,
      });
      if (result.claimed === 0) return;
      if (result.registrationRequestIds.length) await enqueuePushes(result.registrationRequestIds);
      log.debug(
        { claimed: result.claimed, joined: result.joined, left: result.left, ruleRuns: result.ruleRuns },
        "segments re-checked",
      );
      if (closed) return;
    }
  };

  const passes = notifiedPasses(drainOnce, {
    databaseUrl: config.databaseUrl,
    channel: "segment_dirty",
    sweepEveryMs,
    onError: (error) => log.warn({ err: error }, "segment consumer round failed; the next sweep retries"),
    onListenerError: (error) =>
      log.warn({ err: error }, "segment listener lost its connection; sweeping until it is back"),
  });

  let refreshing = false;
  const refresh = setInterval(() => {
    if (refreshing || closed) return;
    refreshing = true;
    refreshTimeRelativeSegments({
      db,
      everyMs: refreshEveryMs,
      giveUpAfterMs: config.registrations.giveUpAfterMs,
      log,
    })
      .then((result) => enqueuePushes(result.registrationRequestIds))
      .catch((error) => log.warn({ err: error }, "periodic segment refresh failed"))
      .finally(() => {
        refreshing = false;
      });
  }, refreshEveryMs);
  refresh.unref();

  return {
    drain: passes.drain,
    async close() {
      closed = true;
      clearInterval(refresh);
      await passes.close();
    },
  };
}
