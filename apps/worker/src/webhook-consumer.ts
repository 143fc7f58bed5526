import { isDatabaseUnavailable, listenForNotifications, pgQuery } from "@gw/db";
import { applyWebhookBatch, WEBHOOK_EVENTS_CHANNEL, WebhookBatchError } from "@gw/domain/webhook-events";
import { applyWebhookEventJob, enqueueAll } from "@gw/queues";
import type { WorkerDeps } from "./deps";
import { serialPasses } from "./serial-passes";

export interface WebhookConsumer {
  /** Resolves when the events notified so far have been through a pass (tests). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Failed batches of one connector in a pass (halving finds a poison in 1000 within ~10 per level). */
const MAX_FAILURES_PER_PASS = 50;

export interface WebhookConsumerOptions {
  /** Waiting events applied per batch. Default 1000. */
  batchSize?: number;
  /** Wait before a pass that failed (Postgres down) is tried again. Default 1 s. */
  retryMs?: number;
}

/**
 * Applies received GoTo events in batches as they arrive: the receiver stores each event and
 * NOTIFYs webhook_events with its connector; this LISTENs and applies the connector's waiting
 * registrant.added events together (applyWebhookBatch: a few set-based statements per webinar),
 * and whatever arrives during a batch goes in the next one, so batches grow with the rate.
 *
 * What a batch leaves (other kinds of events, events held back behind one of them in their
 * webinar) gets an apply job, the one-by-one path with retries. A batch that fails is halved
 * until the poison event is alone; that event is skipped by later batches and goes its own way.
 *
 * Nothing is lost with a notification: the events are rows in Postgres. After every (re)connect
 * the consumer looks at every connector with waiting events, and the sweeper re-drives events
 * still waiting half a minute later. Several workers may run it: batches take a per-connector lock
 * and only RECEIVED rows, jobs have the event's id.
 */
export function startWebhookConsumer(deps: WorkerDeps, options: WebhookConsumerOptions = {}): WebhookConsumer {
  const { config, db } = deps;
  const log = deps.log.child({ module: "webhook-consumer" });
  const batchSize = options.batchSize ?? 1000;
  const retryMs = options.retryMs ?? 1000;
  const dirty = new Set<string>();
  let everyConnector = true;
  /** Per connector: events found poison, left to their jobs. */
  const poison = new Map<string, Set<string>>();
  /** Per connector: events this process already gave a job (re-adding costs Redis a round trip each). */
  const queued = new Map<string, Set<string>>();
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const applyConnector = async (connectorId: string) => {
    const skip = poison.get(connectorId) ?? new Set<string>();
    let maxEvents = batchSize;
    let failures = 0;
    for (;;) {
      try {
        const batch = await applyWebhookBatch({ db, connectorId, limit: batchSize, maxEvents, skip });
        if (maxEvents === batchSize && !batch.full) {
          // It read every waiting event: when it took them all, none is left for a job.
          if (batch.left === 0) {
            queued.delete(connectorId);
            return;
          }
          break;
        }
        if (batch.settled === 0 && maxEvents === batchSize) break;
        maxEvents = batchSize;
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
        if (error.eventIds.length === 1) {
          skip.add(error.eventIds[0] as string);
          poison.set(connectorId, skip);
          log.warn(
            { connectorId, eventId: error.eventIds[0], err: error.cause },
            "webhook event fails in a batch: applying it alone",
          );
          maxEvents = batchSize;
        } else {
          maxEvents = Math.ceil(error.eventIds.length / 2);
        }
      }
      if (closed) return;
    }
    // What is still waiting goes the one-by-one way (each job once: BullMQ keeps the id while queued).
    const waiting = await pgQuery<{ id: string }>(
      db,
      `SELECT "id" FROM "WebhookEvent" WHERE "connectorId" = $1::uuid AND "status" = 'RECEIVED'
       ORDER BY "receivedAt", "id" LIMIT $2`,
      [connectorId, batchSize],
    );
    const ids = new Set(waiting.map((row) => row.id));
    const known = queued.get(connectorId) ?? new Set<string>();
    const fresh = [...ids].filter((id) => !known.has(id));
    if (fresh.length > 0) {
      await enqueueAll(
        deps.queues,
        applyWebhookEventJob,
        fresh.map((eventId) => ({ eventId })),
      );
    }
    // Forget what is settled, so the sets stay as small as the waiting events.
    queued.set(connectorId, ids);
    if (skip.size > 0) poison.set(connectorId, new Set([...skip].filter((id) => ids.has(id))));
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

  const passes = serialPasses(passOnce, {
    more: () => dirty.size > 0,
    onError: (error) => {
      log.warn({ err: error }, "webhook consumer pass failed; trying again shortly");
      clearTimeout(retry);
      retry = setTimeout(() => void passes.kick(), retryMs);
      retry.unref();
    },
  });
  const kick = passes.kick;

  const listener = listenForNotifications({
    databaseUrl: config.databaseUrl,
    channel: WEBHOOK_EVENTS_CHANNEL,
    onNotification: (payload) => {
      for (const connectorId of (payload ?? "").split(",")) if (connectorId) dirty.add(connectorId);
      void kick();
    },
    onListening: () => {
      // Whatever arrived while nobody listened.
      everyConnector = true;
      void kick();
    },
    onError: (error) =>
      log.warn({ err: error }, "webhook listener lost its connection; the sweeper covers until it is back"),
  });

  return {
    drain: passes.drain,
    async close() {
      closed = true;
      clearTimeout(retry);
      await passes.stop();
      await listener.close();
    },
  };
}
