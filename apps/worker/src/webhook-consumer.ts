import { isDatabaseUnavailable, pgQuery } from "@gw/db";
import {
  applyWebhookBatch,
  setWebhookEventAside,
  WEBHOOK_EVENTS_CHANNEL,
  WebhookBatchError,
} from "@gw/domain/webhook-events";
import { applyWebhookEventJob, enqueueAll } from "@gw/queues";
import type { WorkerDeps } from "./deps";
import { notifiedPasses } from "./serial-passes";

export interface WebhookConsumer {
  /** Resolves when the events notified so far have been through a pass (tests). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Failed batches of one connector in a pass (bisection finds a poison event in 1000 within 10). */
const MAX_FAILURES_PER_PASS = 50;
/** Tries of one batch that failed on a deadlock or a timeout before it is narrowed like any other. */
const TRANSIENT_RETRIES = 3;

export interface WebhookConsumerOptions {
  /** Waiting events applied per batch. Default 1000. */
  batchSize?: number;
  /** Wait before a pass that failed (Postgres down) is tried again. Default 1 s. */
  retryMs?: number;
  /** Longest wait for Redis to take a pass's jobs before the pass moves on. Default 2 s. */
  enqueueTimeoutMs?: number;
  /**
   * A pass over every connector with waiting events this often, notified or not: a notification
   * lost (a LISTEN connection that died silently, one sent while reconnecting) or an event whose
   * job completed without settling it waits seconds, not for the sweeper. Default 5 s.
   */
  sweepEveryMs?: number;
}

/**
 * Applies received GoTo events in batches as they arrive: the receiver stores each event and
 * NOTIFYs webhook_events with its connector; this LISTENs and applies the connector's waiting
 * registrant.added events together (applyWebhookBatch: a few set-based statements per webinar),
 * and whatever arrives during a batch goes in the next one, so batches grow with the rate.
 *
 * What a batch leaves is, per webinar, an event it cannot batch (another kind, a cancellation, a
 * poison event) and the events received after it: that first event gets an apply job (the
 * one-by-one path with retries) and the rest wait for it, so a webinar's events are applied in
 * the order received; once the job settles it, it NOTIFYs and the rest come back to a batch. A
 * batch that fails is halved until the poison event is alone; that event is set aside in its row
 * (so later batches of every worker, and after a restart, leave it) and goes its own way. Batches need no Redis: while it is down they go on for every
 * connector, and the jobs a pass could not queue wait in Postgres for a later pass or the sweeper.
 *
 * Nothing is lost with a notification: the events are rows in Postgres. After every (re)connect,
 * and every few seconds (sweepEveryMs), the consumer looks at every connector with waiting events,
 * and the sweeper re-drives events still waiting half a minute later. Several workers may run it:
 * a batch takes its connector's lock or skips the connector (the holder applies what waits), takes
 * only RECEIVED rows, and jobs have the event's id.
 */
export function startWebhookConsumer(deps: WorkerDeps, options: WebhookConsumerOptions = {}): WebhookConsumer {
  const { config, db } = deps;
  const log = deps.log.child({ module: "webhook-consumer" });
  const batchSize = options.batchSize ?? 1000;
  const retryMs = options.retryMs ?? 1000;
  const enqueueTimeoutMs = options.enqueueTimeoutMs ?? 2000;
  const sweepEveryMs = options.sweepEveryMs ?? 5000;
  const dirty = new Set<string>();
  let everyConnector = true;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  /**
   * Hands the heads to their jobs, waiting at most enqueueTimeoutMs: with Redis down the add
   * would wait in ioredis's offline queue for ever and hold every other connector's batches (and
   * close()) behind it. Left there, it still goes out if Redis comes back; if not, the sweeper
   * and the next passes re-drive these events, which Postgres keeps RECEIVED.
   */
  const enqueueHeads = async (connectorId: string, heads: string[]) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not take the jobs within ${enqueueTimeoutMs} ms`)),
        enqueueTimeoutMs,
      );
    });
    try {
      const adding = enqueueAll(
        deps.queues,
        applyWebhookEventJob,
        heads.map((eventId) => ({ eventId })),
      );
      adding.catch(() => undefined); // once timed out, its own failure has no one to tell
      await Promise.race([adding, late]);
    } catch (error) {
      log.warn(
        { connectorId, events: heads.length, err: error },
        "could not queue webhook events for their jobs; a later pass or the sweeper re-drives them",
      );
    } finally {
      clearTimeout(timer);
    }
  };

  const applyConnector = async (connectorId: string) => {
    let maxEvents = batchSize;
    let failures = 0;
    let heads: string[] = [];
    // The events of the last failed batch not yet cleared (received order): a poison one is among
    // them, so narrowing goes on inside this range rather than from the full size after a success.
    let suspects: string[] = [];
    let transientInRow = 0;
    // In its row, not in this process: every worker's batches leave it, and so do they after a restart.
    const setAside = async (eventId: string, cause: unknown) => {
      await setWebhookEventAside({ db, eventId });
      log.warn({ connectorId, eventId, err: cause }, "webhook event fails in a batch: applying it alone");
      suspects = [];
      maxEvents = batchSize;
    };
    for (;;) {
      try {
        const batch = await applyWebhookBatch({ db, connectorId, limit: batchSize, maxEvents });
        // Another worker is applying this connector's events; what it leaves, it hands on.
        if (batch.busy) return;
        transientInRow = 0;
        // A full-size batch saw every event it read, so its heads are the ones to hand on.
        if (maxEvents === batchSize) heads = batch.heads;
        // It read every waiting event, or could apply none of what it read: the rest is the heads'.
        if (maxEvents === batchSize && (!batch.full || batch.settled === 0)) break;
        // A narrowed batch went through: the poison event is among the suspects after it.
        // Only a batch of that one event failing sets it aside (the failure may have been passing).
        suspects = batch.settled === 0 ? [] : suspects.slice(batch.settled);
        maxEvents = suspects.length === 0 ? batchSize : Math.ceil(suspects.length / 2);
      } catch (error) {
        // Postgres away is no poison: the whole pass is tried again later.
        failures += 1;
        if (
          !(error instanceof WebhookBatchError) ||
          error.eventIds.length === 0 ||
          isDatabaseUnavailable(error.cause) ||
          failures > MAX_FAILURES_PER_PASS
        )
          throw error;
        // Nor is a deadlock or a timeout: the same batch again, a few times, before narrowing it.
        if (error.transient && transientInRow < TRANSIENT_RETRIES) {
          transientInRow += 1;
          await new Promise((resolve) => setTimeout(resolve, 50 * transientInRow));
          continue;
        }
        if (error.eventIds.length === 1) await setAside(error.eventIds[0] as string, error.cause);
        else {
          suspects = error.eventIds;
          maxEvents = Math.ceil(error.eventIds.length / 2);
        }
      }
      if (closed) return;
    }
    // Only each webinar's first waiting event gets a job: the events behind it wait until it has
    // settled (its job NOTIFYs), then come back to a batch, so one webinar's events never run
    // side by side in jobs. Re-adding one still queued is a no-op (the job id is the event's).
    if (heads.length > 0) await enqueueHeads(connectorId, heads);
  };

  const passOnce = async () => {
    let connectorIds: string[];
    if (everyConnector) {
      everyConnector = false;
      const rows = await pgQuery<{ connectorId: string }>(
        db,
        `SELECT DISTINCT "connectorId" FROM "WebhookEvent" WHERE "status" = 'RECEIVED' AND "connectorId" IS NOT NULL`,
        [],
      );
      connectorIds = [...new Set([...rows.map((row) => row.connectorId), ...dirty])];
    } else {
      connectorIds = [...dirty];
    }
    dirty.clear();
    for (const [index, connectorId] of connectorIds.entries()) {
      try {
        await applyConnector(connectorId);
      } catch (error) {
        // This connector and the ones not reached yet come back in the retry.
        for (const id of connectorIds.slice(index)) dirty.add(id);
        throw error;
      }
      if (closed) return;
    }
  };

  const passes = notifiedPasses(passOnce, {
    databaseUrl: config.databaseUrl,
    channel: WEBHOOK_EVENTS_CHANNEL,
    sweepEveryMs,
    more: () => dirty.size > 0,
    onWake: (reason, payload) => {
      if (reason === "notification") {
        for (const connectorId of (payload ?? "").split(",")) if (connectorId) dirty.add(connectorId);
      } else {
        // A reconnect (whatever arrived while nobody listened) or a sweep: every connector waiting.
        everyConnector = true;
      }
    },
    onError: (error, kick) => {
      log.warn({ err: error }, "webhook consumer pass failed; trying again shortly");
      clearTimeout(retry);
      retry = setTimeout(() => void kick(), retryMs);
      retry.unref();
    },
    onListenerError: (error) =>
      log.warn({ err: error }, "webhook listener lost its connection; the sweeper covers until it is back"),
  });

  return {
    drain: passes.drain,
    async close() {
      closed = true;
      clearTimeout(retry);
      await passes.close();
    },
  };
}
